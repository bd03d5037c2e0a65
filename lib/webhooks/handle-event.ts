// What each Stripe event does to our orders. Events about objects that are not ours (no cartId
// in the PaymentIntent's metadata) and types we do not use are acknowledged and ignored.
import type Stripe from "stripe";

import type { Tx } from "@/lib/db/client";
import { addLogContext } from "@/lib/log/context";
import { applyPaymentOutcomeIn } from "@/lib/payments/apply-payment-outcome";
import { recordRefund } from "@/lib/payments/record-refund";
import type { OrderStatus } from "@/lib/payments/resolve-status";

export type HandleOutcome = { state: "Processed" } | { state: "Ignored"; reason: string };

const INTENT_EVENTS: Record<string, OrderStatus> = {
  "payment_intent.succeeded": "Paid",
  "payment_intent.processing": "Processing",
  "payment_intent.payment_failed": "Failed",
  "payment_intent.canceled": "Canceled",
};

export async function handleEvent(tx: Tx, event: Stripe.Event): Promise<HandleOutcome> {
  const context = { source: "webhook", actor: "stripe", stripeEventId: event.id } as const;

  const target = INTENT_EVENTS[event.type];
  if (target) {
    const intent = event.data.object as Stripe.PaymentIntent;
    if (!intent.metadata?.cartId) return { state: "Ignored", reason: "not a checkout payment" };

    const { resolution } = await applyPaymentOutcomeIn(tx, intent, target, context);
    // A late event that ResolveStatus refused (payment_failed after Paid) changed nothing.
    if (resolution?.outcome === "refused") {
      return { state: "Ignored", reason: `the order stays ${resolution.status}` };
    }
    return { state: "Processed" };
  }

  if (event.type === "charge.refunded") {
    const charge = event.data.object as Stripe.Charge;
    const intentId =
      typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
    addLogContext({ PaymentIntentId: intentId });
    const refunded =
      intentId && (await recordRefund(tx, intentId, charge.amount_refunded, context));
    return refunded
      ? { state: "Processed" }
      : { state: "Ignored", reason: "no order for this charge" };
  }

  return { state: "Ignored", reason: "event type not used" };
}
