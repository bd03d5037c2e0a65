// What a shopper sees of their order on the Confirmation page, and only they: the order is
// looked up together with the shopper id of their cookie, so another id finds nothing.
import type { Db } from "@/lib/db/client";
import type { Money } from "@/lib/money/currency";
import { parseOrderLines, type OrderLine } from "@/lib/payments/order-lines";
import type { OrderStatus } from "@/lib/payments/resolve-status";

export interface OrderView {
  id: string;
  number: number;
  status: OrderStatus;
  lines: OrderLine[];
  total: Money;
  amountRefunded: number;
  email: string;
  shipping: unknown;
  createdAt: string;
  paidAt: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findShopperOrder(db: Db, orderId: string, userId: string | undefined) {
  if (!UUID.test(orderId) || !userId) return null;

  const order = await db.paymentOrder.findFirst({ where: { id: orderId, userId } });
  if (!order) return null;

  return {
    id: order.id,
    number: order.number,
    status: order.status,
    lines: parseOrderLines(order.lines),
    total: { amount: order.amount, currency: order.currency },
    amountRefunded: order.amountRefunded,
    email: order.email,
    shipping: order.shipping,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
  } satisfies OrderView;
}
