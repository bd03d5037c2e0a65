// POST /api/payments/{cartId}/finalize: the browser says it paid; Stripe is asked what really
// happened, and the answer goes through the one fulfilment path shared with the webhook.
import type Stripe from "stripe";

import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { addLogContext } from "@/lib/log/context";
import { createLogger } from "@/lib/log/logger";
import { callStripe } from "@/lib/stripe/errors";

import { applyPaymentOutcome, orderStatusOf } from "./apply-payment-outcome";
import type { OrderStatus } from "./resolve-status";

const log = createLogger("finalize-payment");

type CartCharge = { userId: string; intentAmount: number | null; intentCurrency: string | null };

export interface FinalizeAnswer {
  httpStatus: 200 | 202;
  orderId: string;
  orderNumber: number;
  status: OrderStatus;
}

export async function finalizePayment(
  db: Db,
  stripe: Stripe,
  cartId: string,
  paymentIntentId: string,
): Promise<FinalizeAnswer> {
  const [cart] = await db.$queryRaw<CartCharge[]>`
    SELECT "userId", "intentAmount", "intentCurrency" FROM "Cart" WHERE id = ${cartId}`;
  addLogContext({ CartId: cartId, PaymentIntentId: paymentIntentId, UserId: cart?.userId });
  log.info("Richiesta finalize payment ricevuta");

  // The client's word is never trusted: what happened is what Stripe says.
  const intent = await callStripe(() => stripe.paymentIntents.retrieve(paymentIntentId));
  addLogContext({ UserId: cart?.userId ?? intent.metadata.userId });
  if (intent.metadata.cartId !== cartId) {
    throw new ApiError(409, "intent_mismatch", "This PaymentIntent does not belong to this cart.");
  }
  if (cart && (intent.amount !== cart.intentAmount || intent.currency !== cart.intentCurrency)) {
    throw new ApiError(
      409,
      "amount_mismatch",
      "The payment does not match the cart's current total.",
    );
  }

  const target = orderStatusOf(intent);
  if (!target) throw incomplete(intent);

  const result = await applyPaymentOutcome(db, intent, target, {
    source: "finalize",
    actor: "shopper",
  });
  const answer = {
    orderId: result.orderId,
    orderNumber: result.orderNumber,
    status: result.status,
  };

  if (result.status === "Paid") {
    log.info({ orderId: result.orderId }, "Finalize payment completata con successo");
    return { httpStatus: 200, ...answer };
  }
  if (result.status === "Processing") return { httpStatus: 202, ...answer };
  if (result.status === "Failed") {
    throw new ApiError(402, "payment_failed", declineMessage(intent), { ...answer });
  }
  throw new ApiError(409, "payment_canceled", "This payment was canceled.", { ...answer });
}

function declineMessage(intent: Stripe.PaymentIntent): string {
  return intent.last_payment_error?.message ?? "The payment was declined.";
}

function incomplete(intent: Stripe.PaymentIntent): ApiError {
  return new ApiError(409, "payment_incomplete", "The payment has not been completed yet.", {
    paymentIntentStatus: intent.status,
  });
}
