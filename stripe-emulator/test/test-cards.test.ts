import { describe, expect, it } from "vitest";
import Stripe from "stripe";

import { EMULATOR_PROCESSING_CARD, EMULATOR_PROCESSING_PAYMENT_METHOD } from "../src/index.js";
import { expectFixtureShape } from "./support/fixture-shape.js";
import { rejectionOf, useEmulator } from "./support/emulator.js";

const env = useEmulator({ processingDelayMs: 150 });

async function payWith(paymentMethod: string) {
  const intent = await env.stripe.paymentIntents.create({ amount: 1999, currency: "usd" });
  return env.stripe.paymentIntents.confirm(intent.id, { payment_method: paymentMethod });
}

async function cardMethod(number: string, expYear = 2099, cvc = "123") {
  return env.stripe.paymentMethods.create({
    type: "card",
    card: { number, exp_month: 12, exp_year: expYear, cvc },
  });
}

async function eventTypesFor(intentId: string): Promise<string[]> {
  return env.emulator
    .events()
    .filter((event) => {
      const object = event.data.object as { id: string; payment_intent?: string };
      return object.id === intentId || object.payment_intent === intentId;
    })
    .map((event) => event.type);
}

const declines = [
  ["4000000000000002", "pm_card_chargeDeclined", "generic_decline", "Your card was declined."],
  [
    "4000000000009995",
    "pm_card_chargeDeclinedInsufficientFunds",
    "insufficient_funds",
    "Your card has insufficient funds.",
  ],
] as const;

describe("test cards", () => {
  it.each([["pm_card_visa"], ["4242424242424242"]])("%s succeeds", async (card) => {
    const method = card.startsWith("pm_") ? card : (await cardMethod(card)).id;

    const intent = await payWith(method);

    expect(intent.status).toBe("succeeded");
    expect(await eventTypesFor(intent.id)).toEqual([
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.succeeded",
    ]);
  });

  it.each(declines)("%s / %s is declined (%s)", async (number, pmId, declineCode, message) => {
    for (const method of [pmId, (await cardMethod(number)).id]) {
      const error = await rejectionOf(payWith(method));

      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(error).toMatchObject({ code: "card_declined", decline_code: declineCode });
      expect(error.raw).toMatchObject({ message });
      const intent = await env.stripe.paymentIntents.retrieve(error.payment_intent!.id, {
        expand: ["latest_charge"],
      });
      expect(intent.status).toBe("requires_payment_method");
      expect(intent.last_payment_error).toMatchObject({
        type: "card_error",
        code: "card_declined",
        decline_code: declineCode,
        message,
      });
      const charge = intent.latest_charge as Stripe.Charge;
      expectFixtureShape(charge, "charge");
      expect(charge).toMatchObject({
        status: "failed",
        paid: false,
        failure_code: "card_declined",
      });
      expect(await eventTypesFor(intent.id)).toEqual([
        "payment_intent.created",
        "charge.failed",
        "payment_intent.payment_failed",
      ]);
    }
  });

  it("lets a declined intent be paid with another card afterwards", async () => {
    const error = await rejectionOf(payWith("pm_card_chargeDeclined"));

    const paid = await env.stripe.paymentIntents.confirm(error.payment_intent!.id, {
      payment_method: "pm_card_visa",
    });

    expect(paid.status).toBe("succeeded");
    expect(paid.last_payment_error).toBeNull();
  });

  it("4000000000000069 is declined as expired_card", async () => {
    const error = await rejectionOf(payWith((await cardMethod("4000000000000069")).id));

    expect(error).toMatchObject({ code: "expired_card", decline_code: "expired_card" });
  });

  describe("4000002500003155 / pm_card_authenticationRequired (3-D Secure)", () => {
    it("requires action, then succeeds when the challenge is completed", async () => {
      const intent = await payWith("pm_card_authenticationRequired");
      expect(intent.status).toBe("requires_action");
      expect(intent.next_action?.type).toBe("use_stripe_sdk");

      const completed = env.emulator.completeThreeDSecure(intent.id, "complete");
      const charge = await env.stripe.charges.retrieve(completed.latest_charge as string);

      expect(completed.status).toBe("succeeded");
      expect(charge.payment_method_details?.card?.three_d_secure?.result).toBe("authenticated");
      expect(await eventTypesFor(intent.id)).toEqual([
        "payment_intent.created",
        "payment_intent.requires_action",
        "charge.succeeded",
        "payment_intent.succeeded",
      ]);
    });

    it("goes back to requires_payment_method when the challenge fails", async () => {
      const intent = await payWith((await cardMethod("4000002500003155")).id);

      const response = await fetch(
        `${env.emulator.url}/_emulator/payment_intents/${intent.id}/three_d_secure`,
        { method: "POST", body: JSON.stringify({ result: "fail" }) },
      );
      const failed = await env.stripe.paymentIntents.retrieve(intent.id);

      expect(response.status).toBe(200);
      expect(failed.status).toBe("requires_payment_method");
      expect(failed.latest_charge).toBeNull();
      expect(failed.last_payment_error).toMatchObject({
        code: "payment_intent_authentication_failure",
        type: "invalid_request_error",
      });
      expect((await eventTypesFor(intent.id)).at(-1)).toBe("payment_intent.payment_failed");
    });

    it("redirects a server-side confirm with return_url to a hosted challenge", async () => {
      const created = await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
      const intent = await env.stripe.paymentIntents.confirm(created.id, {
        payment_method: "pm_card_authenticationRequired",
        return_url: "https://shop.example/done",
      });
      const challengeUrl = intent.next_action?.redirect_to_url?.url as string;

      const page = await fetch(challengeUrl);
      const answer = await fetch(
        `${env.emulator.url}/_emulator/payment_intents/${intent.id}/three_d_secure`,
        {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: "result=complete&return_url=https%3A%2F%2Fshop.example%2Fdone",
          redirect: "manual",
        },
      );

      expect(intent.next_action?.type).toBe("redirect_to_url");
      expect(await page.text()).toContain("Complete authentication");
      expect(answer.status).toBe(303);
      const location = new URL(answer.headers.get("location") ?? "");
      expect(location.origin + location.pathname).toBe("https://shop.example/done");
      expect(location.searchParams.get("payment_intent")).toBe(intent.id);
      expect(location.searchParams.get("redirect_status")).toBe("succeeded");
    });
  });

  it(`${EMULATOR_PROCESSING_CARD} (emulator only) stays processing, then succeeds`, async () => {
    for (const method of [
      EMULATOR_PROCESSING_PAYMENT_METHOD,
      (await cardMethod(EMULATOR_PROCESSING_CARD)).id,
    ]) {
      const intent = await payWith(method);
      expect(intent.status).toBe("processing");

      await new Promise((resolve) => setTimeout(resolve, 300));
      const later = await env.stripe.paymentIntents.retrieve(intent.id);

      expect(later.status).toBe("succeeded");
      expect(later.amount_received).toBe(1999);
      expect(await eventTypesFor(intent.id)).toEqual([
        "payment_intent.created",
        "charge.pending",
        "payment_intent.processing",
        "charge.succeeded",
        "payment_intent.succeeded",
      ]);
    }
  });

  describe("card details Stripe refuses", () => {
    it.each([
      ["an incomplete number", "42424242", 2099, "123", "invalid_number"],
      ["a number failing the Luhn check", "4242424242424241", 2099, "123", "incorrect_number"],
      ["an expiry date in the past", "4242424242424242", 2020, "123", "expired_card"],
      ["a malformed security code", "4242424242424242", 2099, "1", "invalid_cvc"],
    ])("rejects %s", async (_, number, expYear, cvc, code) => {
      const error = await rejectionOf(cardMethod(number, expYear, cvc));

      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(error.code).toBe(code);
    });

    it("words an expired date like Stripe", async () => {
      const error = await rejectionOf(cardMethod("4242424242424242", 2020));

      expect(error.raw).toMatchObject({ message: "Your card's expiration date is in the past." });
    });
  });

  it("creates and retrieves PaymentMethods shaped like Stripe's", async () => {
    const created = await env.stripe.paymentMethods.create({
      type: "card",
      card: { number: "5555555555554444", exp_month: 4, exp_year: 2099, cvc: "321" },
      billing_details: { address: { country: "NL" }, email: "jenny@example.com" },
    });

    const retrieved = await env.stripe.paymentMethods.retrieve(created.id);
    const predefined = await env.stripe.paymentMethods.retrieve("pm_card_visa");

    expectFixtureShape(retrieved, "payment_method");
    expect(retrieved).toEqual(created);
    expect(retrieved.card).toMatchObject({ brand: "mastercard", last4: "4444", exp_month: 4 });
    expect(retrieved.billing_details.address?.country).toBe("NL");
    expect(predefined.card?.last4).toBe("4242");
  });
});
