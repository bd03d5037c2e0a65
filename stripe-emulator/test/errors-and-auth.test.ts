import { describe, expect, it } from "vitest";
import Stripe from "stripe";

import { EMULATOR_PUBLIC_KEY } from "../src/index.js";
import { rejectionOf, useEmulator } from "./support/emulator.js";

const env = useEmulator();

describe("errors", () => {
  it("raises StripeCardError with the decline code and the intent attached", async () => {
    const intent = await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    const error = await rejectionOf(
      env.stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_chargeDeclined" }),
    );

    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error.statusCode).toBe(402);
    expect(error).toMatchObject({
      type: "StripeCardError",
      code: "card_declined",
      decline_code: "generic_decline",
      raw: expect.objectContaining({ message: "Your card was declined." }),
    });
    expect(error.doc_url).toMatch(/^https:\/\/stripe\.com\/docs\/error-codes\//);
    expect(error.payment_intent?.id).toBe(intent.id);
    expect(error.payment_intent?.status).toBe("requires_payment_method");
  });

  it("raises StripeInvalidRequestError resource_missing for unknown ids", async () => {
    const error = await rejectionOf(env.stripe.paymentIntents.retrieve("pi_doesnotexist"));

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("resource_missing");
    expect(error.raw).toMatchObject({ message: "No such payment_intent: 'pi_doesnotexist'" });
  });

  it("raises StripeAuthenticationError for a key that is not a test key", async () => {
    const live = env.clientWith("sk_live_notallowedhere123456");

    const error = await rejectionOf(live.paymentIntents.list());

    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.rawType).toBe("invalid_request_error");
  });

  it("answers 401 in Stripe's error shape when no key is sent at all", async () => {
    const response = await fetch(`${env.emulator.url}/v1/payment_intents`);
    const body = (await response.json()) as { error: { type: string; message: string } };

    expect(response.status).toBe(401);
    expect(body.error.type).toBe("invalid_request_error");
    expect(body.error.message).toMatch(/did not provide an API key/);
  });

  it("accepts restricted keys like secret keys", async () => {
    const restricted = env.clientWith("rk_test_restricted123");

    const list = await restricted.paymentIntents.list();

    expect(list.object).toBe("list");
  });

  it("lets a publishable key confirm and retrieve only with the client secret", async () => {
    const intent = await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    const browser = env.clientWith(EMULATOR_PUBLIC_KEY);
    const method = await browser.paymentMethods.create({
      type: "card",
      card: { number: "4242424242424242", exp_month: 12, exp_year: 2099, cvc: "123" },
    });

    const withoutSecret = await rejectionOf(browser.paymentIntents.retrieve(intent.id));
    const wrongSecret = await rejectionOf(
      browser.paymentIntents.retrieve(intent.id, { client_secret: `${intent.id}_secret_nope` }),
    );
    const listing = await rejectionOf(browser.paymentIntents.list());
    const confirmed = await browser.paymentIntents.confirm(intent.id, {
      payment_method: method.id,
      client_secret: intent.client_secret,
    } as Stripe.PaymentIntentConfirmParams);

    expect(withoutSecret).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(wrongSecret).toMatchObject({ statusCode: 400, param: "client_secret" });
    expect(listing).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(confirmed.status).toBe("succeeded");
  });

  it("answers unknown URLs with a 404 invalid request", async () => {
    const error = await rejectionOf(
      env.stripe.rawRequest("GET", "/v1/nothing_here", {}) as Promise<unknown>,
    );

    expect(error.statusCode).toBe(404);
    expect(error.message).toMatch(/Unrecognized request URL/);
  });
});

describe("idempotency", () => {
  it("replays the stored answer for the same key and parameters", async () => {
    const params = { amount: 1000, currency: "usd", metadata: { cartId: "c1" } };

    const first = await env.stripe.paymentIntents.create(params, { idempotencyKey: "cart-c1" });
    const second = await env.stripe.paymentIntents.create(params, { idempotencyKey: "cart-c1" });
    const all = await env.stripe.paymentIntents.list();

    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(all.data).toHaveLength(1);
  });

  it("raises StripeIdempotencyError when the same key comes with other parameters", async () => {
    await env.stripe.paymentIntents.create(
      { amount: 1000, currency: "usd" },
      { idempotencyKey: "cart-c2" },
    );

    const error = await rejectionOf(
      env.stripe.paymentIntents.create(
        { amount: 2000, currency: "usd" },
        { idempotencyKey: "cart-c2" },
      ),
    );

    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.rawType).toBe("idempotency_error");
  });

  it("replays a decline too, without declining twice", async () => {
    const intent = await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    const confirm = () =>
      env.stripe.paymentIntents.confirm(
        intent.id,
        { payment_method: "pm_card_chargeDeclined" },
        { idempotencyKey: "confirm-once" },
      );

    const first = await rejectionOf(confirm());
    const second = await rejectionOf(confirm());
    const charges = await env.stripe.charges.list({ payment_intent: intent.id });

    expect(first).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(second.headers?.["idempotent-replayed"]).toBe("true");
    expect(charges.data).toHaveLength(1);
  });

  it("does not keep answers to requests refused for their parameters", async () => {
    const bad = await rejectionOf(
      env.stripe.paymentIntents.create({ currency: "usd" } as Stripe.PaymentIntentCreateParams, {
        idempotencyKey: "retry-after-fix",
      }),
    );

    const fixed = await env.stripe.paymentIntents
      .create({ currency: "usd" } as Stripe.PaymentIntentCreateParams, {
        idempotencyKey: "retry-after-fix",
      })
      .catch((error: unknown) => error);

    expect(bad.code).toBe("parameter_missing");
    expect((fixed as Stripe.errors.StripeError).headers?.["idempotent-replayed"]).toBeUndefined();
  });
});
