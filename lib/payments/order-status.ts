// The database half of ResolveStatus: the order row is locked, the transition table decides,
// and the update is guarded by the statuses it may come from, so no interleaving of processes
// can regress a Paid order. Every change, and every refused one, leaves an audit row.
// The statements are raw SQL because this is the hot path of every webhook: see read-cart.ts.
import type { StatusSource } from "@prisma/client";

import type { Tx } from "@/lib/db/client";
import { notFound } from "@/lib/http/api-error";
import { createLogger } from "@/lib/log/logger";

import { allowedSources, resolveStatus, type OrderStatus, type Resolution } from "./resolve-status";

const log = createLogger("order-status");

export interface StatusChange {
  to: OrderStatus;
  source: StatusSource;
  actor: string;
  reason?: string;
  stripeEventId?: string;
  /** Manual repairs only: apply even a transition the table refuses (still audited). */
  force?: boolean;
}

export type StatusResult = Resolution & { from: OrderStatus };

export async function changeOrderStatus(
  tx: Tx,
  orderId: string,
  change: StatusChange,
): Promise<StatusResult> {
  const [row] = await tx.$queryRaw<{ status: OrderStatus }[]>`
    SELECT status FROM "PaymentOrders" WHERE id = ${orderId}::uuid FOR UPDATE`;
  if (!row) throw notFound("order");

  const from = row.status;
  const resolution = forced(from, change) ?? resolveStatus(from, change.to);
  if (resolution.outcome === "unchanged") return { ...resolution, from };

  if (resolution.outcome === "changed") {
    const guard = change.force ? [from] : allowedSources(change.to);
    const count = await tx.$executeRaw`
      UPDATE "PaymentOrders"
         SET status = ${change.to}::"OrderStatus", "updatedAt" = now(),
             "paidAt" = CASE WHEN ${change.to} = 'Paid' THEN now() ELSE "paidAt" END
       WHERE id = ${orderId}::uuid AND status = ANY(${guard}::"OrderStatus"[])`;
    // The row is locked, so the guard cannot fail; if it ever did, nothing may be half-written.
    if (count !== 1) throw new Error(`Order ${orderId} left ${from} under its row lock`);
  }

  await recordStatusChange(tx, orderId, from, change, resolution.outcome === "changed");
  logResult(orderId, from, change, resolution);

  return { ...resolution, from };
}

function forced(from: OrderStatus, change: StatusChange): Resolution | null {
  if (!change.force || from === change.to) return null;
  return { outcome: "changed", status: change.to };
}

async function recordStatusChange(
  tx: Tx,
  orderId: string,
  from: OrderStatus | null,
  change: StatusChange,
  applied: boolean,
): Promise<void> {
  const reason = change.reason ?? (applied ? null : `ResolveStatus refused ${from} → ${change.to}`);
  await tx.$executeRaw`
    INSERT INTO "OrderStatusHistory"
      ("orderId", "fromStatus", "toStatus", applied, source, actor, reason, "stripeEventId")
    VALUES (${orderId}::uuid, ${from}::"OrderStatus", ${change.to}::"OrderStatus", ${applied},
            ${change.source}::"StatusSource", ${change.actor}, ${reason},
            ${change.stripeEventId ?? null})`;
}

function logResult(
  orderId: string,
  from: OrderStatus,
  change: StatusChange,
  resolution: Resolution,
) {
  const fields = {
    orderId,
    from,
    to: change.to,
    source: change.source,
    forced: change.force === true,
  };
  if (resolution.outcome === "changed") log.info(fields, "Order status changed");
  else log.warn(fields, `ResolveStatus: ${from} → ${change.to} refused, order stays ${from}`);
}
