// charge.refunded: the refunded amount is kept on the order; a full refund makes it Refunded.
import type { Tx } from "@/lib/db/client";

import { changeOrderStatus, type StatusChange, type StatusResult } from "./order-status";

export async function recordRefund(
  tx: Tx,
  paymentIntentId: string,
  amountRefunded: number,
  change: Omit<StatusChange, "to">,
): Promise<{ orderId: string; resolution: StatusResult | null } | null> {
  const [order] = await tx.$queryRaw<{ id: string; amount: number; amountRefunded: number }[]>`
    SELECT id, amount, "amountRefunded" FROM "PaymentOrders"
    WHERE "paymentIntentId" = ${paymentIntentId} FOR UPDATE`;
  if (!order) return null;

  // Refund events may arrive out of order: the larger total is the later truth.
  const refunded = Math.min(order.amount, Math.max(order.amountRefunded, amountRefunded));
  if (refunded !== order.amountRefunded) {
    await tx.$executeRaw`
      UPDATE "PaymentOrders" SET "amountRefunded" = ${refunded}, "updatedAt" = now()
       WHERE id = ${order.id}::uuid`;
  }

  const resolution =
    refunded === order.amount
      ? await changeOrderStatus(tx, order.id, { ...change, to: "Refunded" })
      : null;
  return { orderId: order.id, resolution };
}
