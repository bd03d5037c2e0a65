import Stripe from "stripe";
import { describe, expect, it } from "vitest";

import { SignatureError, verifyStripeEvent } from "./verify-signature";

const secret = "whsec_unitTestSecret0001";
const payload = JSON.stringify({
  id: "evt_1",
  object: "event",
  type: "payment_intent.succeeded",
  data: { object: { id: "pi_1", object: "payment_intent" } },
});
const sign = (body: string, options: { secret?: string; timestamp?: number } = {}) =>
  Stripe.webhooks.generateTestHeaderString({
    payload: body,
    secret: options.secret ?? secret,
    timestamp: options.timestamp,
  });

function causeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof SignatureError) return error.failure;
    throw error;
  }
  return "accepted";
}

describe("verifyStripeEvent", () => {
  it("accepts a body signed with the secret", () => {
    expect(verifyStripeEvent(payload, sign(payload), secret).id).toBe("evt_1");
  });

  it.each([
    ["a missing header", () => verifyStripeEvent(payload, null, secret), "missing_header"],
    ["garbage", () => verifyStripeEvent(payload, "garbage", secret), "malformed_header"],
    [
      "another secret",
      () => verifyStripeEvent(payload, sign(payload, { secret: "whsec_other00000" }), secret),
      "no_matching_signature",
    ],
    [
      "a body altered after signing",
      () => verifyStripeEvent(payload.replace("evt_1", "evt_2"), sign(payload), secret),
      "no_matching_signature",
    ],
    [
      "a stale timestamp",
      () =>
        verifyStripeEvent(
          payload,
          sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 301 }),
          secret,
        ),
      "timestamp_out_of_tolerance",
    ],
    [
      "a signed body that is not JSON",
      () => verifyStripeEvent("{not json", sign("{not json"), secret),
      "malformed_payload",
    ],
    [
      "a signed JSON body that is not an event",
      () => verifyStripeEvent("[]", sign("[]"), secret),
      "malformed_payload",
    ],
    [
      "a signed event holding U+0000, which the inbox cannot store",
      () => {
        const withNul = payload.replace('"pi_1"', '"pi_1\\u0000"');
        return verifyStripeEvent(withNul, sign(withNul), secret);
      },
      "malformed_payload",
    ],
  ])("rejects %s with its cause", (_case, work, cause) => {
    expect(causeOf(work)).toBe(cause);
  });

  it("accepts an escaped backslash followed by u0000, which is plain text", () => {
    const text = payload.replace('"pi_1"', '"pi_1\\\\u0000"');

    expect(verifyStripeEvent(text, sign(text), secret).data.object).toMatchObject({
      id: "pi_1\\u0000",
    });
  });

  it("never carries the secret in its message", () => {
    try {
      verifyStripeEvent(payload, sign(payload, { secret: "whsec_other00000" }), secret);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(secret.slice(-4));
    }
  });
});
