// Runbook case 3: an operator sets an order's status by hand. The change goes through the same
// locked, audited write as every other (source "manual", with who and why); ResolveStatus still
// refuses a regression unless the operator forces it, and the forced change is audited too.
import type { Db } from "@/lib/db/client";
import { changeOrderStatus, type StatusResult } from "@/lib/payments/order-status";
import type { OrderStatus } from "@/lib/payments/resolve-status";

export interface ManualChange {
  to: OrderStatus;
  reason: string;
  actor: string;
  force?: boolean;
}

export class ManualChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ManualChangeError";
  }
}

export async function setOrderStatus(
  db: Db,
  orderId: string,
  change: ManualChange,
): Promise<StatusResult> {
  const reason = change.reason.trim();
  const actor = change.actor.trim();
  // The audit trail is only worth something if every manual change says who and why.
  if (!reason) throw new ManualChangeError("a manual status change needs a reason");
  if (!actor) throw new ManualChangeError("a manual status change needs an actor");

  return db.$transaction((tx) =>
    changeOrderStatus(tx, orderId, {
      to: change.to,
      source: "manual",
      actor,
      reason,
      force: change.force === true,
    }),
  );
}
