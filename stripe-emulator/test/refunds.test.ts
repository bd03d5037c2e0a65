import { describe, expect, it } from "vitest";
import Stripe from "stripe";

import { expectFixtureShape } from "./support/fixture-shape.js";
import { rejectionOf, useEmulator } from "./support/emulator.js";

const env = useEmulator();

async function paidIntent(amount = 5000) {
  return env.stripe.paymentIntents.create({
    amount,
    currency: "usd",
    payment_method: "pm_card_visa",
    confirm: true,
  });
}

describe("refunds", () => {
  it("refunds a payment in full by payment_intent", async () => {
    const intent = await paidIntent();

    const refund = await env.stripe.refunds.create({ payment_intent: intent.id });
    const charge = await env.stripe.charges.retrieve(intent.latest_charge as string);

    expectFixtureShape(refund, "refund");
    expect(refund).toMatchObject({
      amount: 5000,
      status: "succeeded",
      charge: charge.id,
      payment_intent: intent.id,
    });
    expect(charge).toMatchObject({ amount_refunded: 5000, refunded: true });
    expect(charge.refunds?.data.map((r) => r.id)).toEqual([refund.id]);
  });

  it("refunds in parts by charge until nothing is left", async () => {
    const intent = await paidIntent();
    const chargeId = intent.latest_charge as string;

    const first = await env.stripe.refunds.create({ charge: chargeId, amount: 1500 });
    const afterFirst = await env.stripe.charges.retrieve(chargeId);
    const second = await env.stripe.refunds.create({ charge: chargeId, reason: "duplicate" });
    const afterSecond = await env.stripe.charges.retrieve(chargeId);
    const third = await rejectionOf(env.stripe.refunds.create({ charge: chargeId }));

    expect(first.amount).toBe(1500);
    expect(afterFirst).toMatchObject({ amount_refunded: 1500, refunded: false });
    expect(second).toMatchObject({ amount: 3500, reason: "duplicate" });
    expect(afterSecond).toMatchObject({ amount_refunded: 5000, refunded: true });
    expect(third.code).toBe("charge_already_refunded");
  });

  it("refuses to refund more than remains", async () => {
    const intent = await paidIntent(1000);
    await env.stripe.refunds.create({ payment_intent: intent.id, amount: 600 });

    const error = await rejectionOf(
      env.stripe.refunds.create({ payment_intent: intent.id, amount: 500 }),
    );

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: "amount_too_large", param: "amount" });
  });

  it("refuses to refund an intent that has not been paid", async () => {
    const intent = await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    const error = await rejectionOf(env.stripe.refunds.create({ payment_intent: intent.id }));

    expect(error.statusCode).toBe(400);
  });

  it("retrieves and lists refunds and emits refund.created then charge.refunded", async () => {
    const intent = await paidIntent();
    const refund = await env.stripe.refunds.create({ payment_intent: intent.id, amount: 100 });

    const retrieved = await env.stripe.refunds.retrieve(refund.id);
    const listed = await env.stripe.refunds.list({ payment_intent: intent.id });
    const events = await env.stripe.events.list({ limit: 2 });

    expect(retrieved).toEqual(refund);
    expect(listed.data.map((r) => r.id)).toEqual([refund.id]);
    expect(events.data.map((e) => e.type)).toEqual(["charge.refunded", "refund.created"]);
    const refundedCharge = events.data[0]!.data.object as Stripe.Charge;
    expect(refundedCharge.amount_refunded).toBe(100);
  });

  it("answers resource_missing for an unknown refund", async () => {
    const error = await rejectionOf(env.stripe.refunds.retrieve("re_missing"));

    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});
