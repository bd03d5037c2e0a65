// The one fulfilment path. Finalize, the webhook, reconcile and replay all come here with the
// PaymentIntent as Stripe reported it, and in one transaction the order is created or moved to
// the new status (ResolveStatus decides), audited, and on payment the cart is deleted. Whichever
// caller arrives first does the work; the others find it done. Raw SQL, as on every hot path
// (see lib/cart/read-cart.ts for why).
import type { Prisma, StatusSource } from "@prisma/client";
import type Stripe from "stripe";

import { readCart, type CartRecord } from "@/lib/cart/read-cart";
import type { Db, Tx } from "@/lib/db/client";
import { addLogContext } from "@/lib/log/context";
import { createLogger } from "@/lib/log/logger";

import { changeOrderStatus, type StatusResult } from "./order-status";
import type { OrderStatus } from "./resolve-status";

const log = createLogger("apply-payment-outcome");

export interface OutcomeContext {
  source: StatusSource;
  actor: string;
  stripeEventId?: string;
  reason?: string;
}

export interface OutcomeResult {
  orderId: string;
  orderNumber: number;
  status: OrderStatus;
  created: boolean;
  resolution: StatusResult | null;
  cartDeleted: boolean;
}

/** The order status a PaymentIntent's own status stands for, if it stands for one. */
export function orderStatusOf(intent: Stripe.PaymentIntent): OrderStatus | null {
  switch (intent.status) {
    case "succeeded":
      return "Paid";
    case "processing":
      return "Processing";
    case "canceled":
      return "Canceled";
    case "requires_payment_method":
      return intent.last_payment_error ? "Failed" : null;
    default:
      return null;
  }
}

export function applyPaymentOutcome(
  db: Db,
  intent: Stripe.PaymentIntent,
  target: OrderStatus,
  context: OutcomeContext,
): Promise<OutcomeResult> {
  return db.$transaction((tx) => applyPaymentOutcomeIn(tx, intent, target, context));
}

/** The same, inside a transaction of the caller's (the webhook inbox marks its event in it). */
export async function applyPaymentOutcomeIn(
  tx: Tx,
  intent: Stripe.PaymentIntent,
  target: OrderStatus,
  context: OutcomeContext,
): Promise<OutcomeResult> {
  addLogContext({
    PaymentIntentId: intent.id,
    CartId: intent.metadata.cartId,
    UserId: intent.metadata.userId,
  });

  // Locking the cart first, always in this order, serialises finalize and webhook per cart.
  const cartId = intent.metadata.cartId;
  const cart = cartId ? await readCart(tx, cartId, { lock: true }) : null;
  const { id, number, created } = await ensureOrder(tx, intent, cart, target, context);

  const resolution = created ? null : await changeOrderStatus(tx, id, { ...context, to: target });
  const status = resolution ? resolution.status : target;

  let cartDeleted = false;
  if (status === "Paid" && cart) {
    cartDeleted = (await tx.$executeRaw`DELETE FROM "Cart" WHERE id = ${cart.id}`) === 1;
  }

  if (created || cartDeleted) {
    log.info(
      { orderId: id, status, created, cartDeleted, source: context.source },
      "Order recorded",
    );
  }
  return { orderId: id, orderNumber: number, status, created, resolution, cartDeleted };
}

/**
 * Inserts the order and its first audit row unless the order exists (ON CONFLICT DO NOTHING on
 * the unique PaymentIntent id, so a racing transaction waits for the first and then finds its
 * row), in one statement: one round trip on the webhook's hot path. With no cart left, the order
 * is built from the intent's own data rather than dropped.
 */
async function ensureOrder(
  tx: Tx,
  intent: Stripe.PaymentIntent,
  cart: CartRecord | null,
  status: OrderStatus,
  context: OutcomeContext,
): Promise<{ id: string; number: number; created: boolean }> {
  const cartId = cart?.id ?? intent.metadata.cartId ?? "";
  const userId = cart?.userId ?? intent.metadata.userId ?? "";
  const email = cart?.email ?? intent.receipt_email ?? "";
  const lines = JSON.stringify(cart?.intentLines ?? []);
  const shipping = cart ? shippingOf(cart) : null;
  const [inserted] = await tx.$queryRaw<{ id: string; number: number }[]>`
    WITH inserted AS (
      INSERT INTO "PaymentOrders" (id, "paymentIntentId", "cartId", "userId", email, amount,
                                   currency, status, lines, shipping, "updatedAt", "paidAt")
      VALUES (gen_random_uuid(), ${intent.id}, ${cartId}, ${userId}, ${email}, ${intent.amount},
              ${intent.currency}, ${status}::"OrderStatus", ${lines}::jsonb,
              ${shipping && JSON.stringify(shipping)}::jsonb, now(),
              CASE WHEN ${status} = 'Paid' THEN now() END)
      ON CONFLICT ("paymentIntentId") DO NOTHING
      RETURNING id, number
    ), audited AS (
      INSERT INTO "OrderStatusHistory"
        ("orderId", "fromStatus", "toStatus", applied, source, actor, reason, "stripeEventId")
      SELECT id, NULL, ${status}::"OrderStatus", true, ${context.source}::"StatusSource",
             ${context.actor}, ${context.reason ?? null}, ${context.stripeEventId ?? null}
        FROM inserted
    )
    SELECT id, number FROM inserted`;
  if (inserted) return { ...inserted, created: true };

  const [existing] = await tx.$queryRaw<{ id: string; number: number }[]>`
    SELECT id, number FROM "PaymentOrders" WHERE "paymentIntentId" = ${intent.id}`;
  return { ...existing!, created: false };
}

function shippingOf(cart: CartRecord): Prisma.InputJsonValue | null {
  if (!cart.name || !cart.addressLine1) return null;

  return {
    name: cart.name,
    address: {
      line1: cart.addressLine1,
      line2: cart.addressLine2,
      city: cart.city,
      postalCode: cart.postalCode,
      country: cart.country,
    },
  };
}
