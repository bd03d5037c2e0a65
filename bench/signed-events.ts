// Signed `payment_intent.succeeded` events, each for a new PaymentIntent, as Stripe sends them.
import { createHmac } from "node:crypto";

/** The event of the `index`th intent of a run, paying `cartId`. */
export function succeededEvent(runId: string, index: number, cartId: string) {
  const created = Math.floor(Date.now() / 1000);
  return {
    id: `evt_bench${runId}x${index}`,
    object: "event",
    api_version: "2026-11-18.endive",
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: "payment_intent.succeeded",
    data: {
      object: {
        id: `pi_bench${runId}x${index}`,
        object: "payment_intent",
        amount: 2400,
        currency: "eur",
        status: "succeeded",
        receipt_email: "bench@example.com",
        last_payment_error: null,
        metadata: { cartId, userId: "bench-shopper" },
      },
    },
  };
}

/** The Stripe-Signature header of `payload`: `t=<seconds>,v1=<hex HMAC-SHA256 of "t.payload">`. */
export function signatureHeader(payload: string, secret: string): string {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}
