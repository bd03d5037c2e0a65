import { describe, expect, it } from "vitest";
import Stripe from "stripe";

import { expectFixtureShape } from "./support/fixture-shape.js";
import { rejectionOf, useEmulator } from "./support/emulator.js";

const env = useEmulator();

describe("PaymentIntents", () => {
  it("creates an intent shaped like Stripe's, awaiting a payment method", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 2599,
      currency: "EUR",
      automatic_payment_methods: { enabled: true },
      metadata: { cartId: "cart_1", orderRef: "A-17" },
      description: "Order A-17",
      receipt_email: "jenny@example.com",
    });

    expectFixtureShape(intent, "payment_intent");
    expect(intent.id).toMatch(/^pi_[A-Za-z0-9]{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_[A-Za-z0-9]+$`));
    expect(intent).toMatchObject({
      status: "requires_payment_method",
      amount: 2599,
      currency: "eur",
      metadata: { cartId: "cart_1", orderRef: "A-17" },
      automatic_payment_methods: { enabled: true },
      description: "Order A-17",
      receipt_email: "jenny@example.com",
      latest_charge: null,
      livemode: false,
    });
  });

  it("retrieves what it created", async () => {
    const created = await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    const retrieved = await env.stripe.paymentIntents.retrieve(created.id);

    expect(retrieved).toEqual(created);
  });

  it("merges metadata on update and deletes keys set to an empty string", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      metadata: { keep: "1", drop: "2" },
    });

    const updated = await env.stripe.paymentIntents.update(intent.id, {
      amount: 1500,
      metadata: { drop: "", added: "3" },
    });

    expect(updated.amount).toBe(1500);
    expect(updated.metadata).toEqual({ keep: "1", added: "3" });
  });

  it("confirms with a payment method and sets the charge and amount received", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 4200,
      currency: "usd",
      allowed_payment_method_types: ["card"],
    });

    const confirmed = await env.stripe.paymentIntents.confirm(intent.id, {
      payment_method: "pm_card_visa",
      return_url: "https://shop.example/return",
      expand: ["latest_charge"],
    });

    expect(confirmed.status).toBe("succeeded");
    expect(confirmed.amount_received).toBe(4200);
    const charge = confirmed.latest_charge as Stripe.Charge;
    expectFixtureShape(charge, "charge");
    expect(charge).toMatchObject({ status: "succeeded", paid: true, amount: 4200 });
    expect(charge.payment_intent).toBe(intent.id);
  });

  it("also takes the older payment_method_types parameter", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method_types: ["card"],
    } as Stripe.PaymentIntentCreateParams);

    expect(intent.payment_method_types).toEqual(["card"]);
    expect(intent.automatic_payment_methods).toBeNull();
  });

  it("waits in requires_confirmation when given a method before confirming", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
    });
    expect(intent.status).toBe("requires_confirmation");

    const confirmed = await env.stripe.paymentIntents.confirm(intent.id);

    expect(confirmed.status).toBe("succeeded");
  });

  it("confirms on create with confirm=true", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    });

    expect(intent.status).toBe("succeeded");
    expect(intent.latest_charge).toMatch(/^ch_/);
  });

  it("refuses to change the amount of a succeeded intent but still takes metadata", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });

    const error = await rejectionOf(env.stripe.paymentIntents.update(intent.id, { amount: 5 }));
    const updated = await env.stripe.paymentIntents.update(intent.id, { metadata: { n: "1" } });

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe("payment_intent_unexpected_state");
    expect(updated.metadata).toEqual({ n: "1" });
  });

  it("refuses to confirm or cancel a succeeded intent", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });

    const confirmAgain = await rejectionOf(env.stripe.paymentIntents.confirm(intent.id));
    const cancel = await rejectionOf(env.stripe.paymentIntents.cancel(intent.id));

    expect(confirmAgain.code).toBe("payment_intent_unexpected_state");
    expect(cancel.code).toBe("payment_intent_unexpected_state");
  });

  it("cancels an unpaid intent and then refuses to update its currency", async () => {
    const intent = await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    const canceled = await env.stripe.paymentIntents.cancel(intent.id, {
      cancellation_reason: "abandoned",
    });
    const error = await rejectionOf(
      env.stripe.paymentIntents.update(intent.id, { currency: "eur" }),
    );

    expectFixtureShape(canceled, "payment_intent");
    expect(canceled.status).toBe("canceled");
    expect(canceled.cancellation_reason).toBe("abandoned");
    expect(canceled.canceled_at).toEqual(expect.any(Number));
    expect(error.code).toBe("payment_intent_unexpected_state");
  });

  it("rejects a missing amount, a too small one and unknown parameters", async () => {
    const missing = await rejectionOf(
      env.stripe.paymentIntents.create({ currency: "usd" } as Stripe.PaymentIntentCreateParams),
    );
    const small = await rejectionOf(
      env.stripe.paymentIntents.create({ amount: 10, currency: "usd" }),
    );
    const unknown = await rejectionOf(
      env.stripe.paymentIntents.create({
        amount: 1000,
        currency: "usd",
        colour: "blue",
      } as Stripe.PaymentIntentCreateParams),
    );

    expect(missing).toMatchObject({ code: "parameter_missing", param: "amount" });
    expect(small).toMatchObject({ code: "amount_too_small", param: "amount" });
    expect(unknown).toMatchObject({ code: "parameter_unknown", param: "colour" });
  });

  it("confirming without any payment method fails with the parameter named", async () => {
    const intent = await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    const error = await rejectionOf(env.stripe.paymentIntents.confirm(intent.id));

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.param).toBe("payment_method");
  });

  it("expands payment_method, and refuses paths it cannot expand", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
    });

    const expanded = await env.stripe.paymentIntents.retrieve(intent.id, {
      expand: ["payment_method"],
    });
    const error = await rejectionOf(
      env.stripe.paymentIntents.retrieve(intent.id, { expand: ["amount"] }),
    );

    expectFixtureShape(expanded.payment_method, "payment_method");
    expect(error.param).toBe("expand");
  });
});
