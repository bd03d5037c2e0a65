import Stripe from "stripe";
import { describe, expect, it } from "vitest";

import * as finalizeRoute from "@/app/api/payments/[cartId]/finalize/route";
import * as intentRoute from "@/app/api/payments/[cartId]/intent/route";
import * as webhookRoute from "@/app/api/payments/webhook/route";
import { addLine } from "@/lib/cart/cart-service";
import { getDb } from "@/lib/db/client";
import { applyPaymentOutcome } from "@/lib/payments/apply-payment-outcome";

import { callRoute } from "../helpers/call-route";
import { cartReadyToPay, usePaymentsHarness } from "../helpers/payments-harness";
import { useTestDatabase } from "../helpers/test-database";

const db = useTestDatabase();
const harness = usePaymentsHarness();

const intentFor = (cartId: string) =>
  callRoute(intentRoute.POST, { method: "POST", params: { cartId } });
const finalize = (cartId: string, paymentIntentId: string) =>
  callRoute(finalizeRoute.POST, { method: "POST", params: { cartId }, body: { paymentIntentId } });
const confirm = (id: string, paymentMethod: string) =>
  harness.stripe.paymentIntents.confirm(id, { payment_method: paymentMethod }).catch((error) => {
    if (error instanceof Stripe.errors.StripeCardError) return null;
    throw error;
  });

async function ordersOf(paymentIntentId: string) {
  return db.query(
    'SELECT id, status, amount, currency, email, lines, "paidAt" FROM "PaymentOrders" WHERE "paymentIntentId" = $1',
    [paymentIntentId],
  );
}

async function historyOf(paymentIntentId: string) {
  return db.query(
    `SELECT h."fromStatus", h."toStatus", h.applied, h.source, h."stripeEventId"
       FROM "OrderStatusHistory" h JOIN "PaymentOrders" o ON o.id = h."orderId"
      WHERE o."paymentIntentId" = $1 ORDER BY h.id`,
    [paymentIntentId],
  );
}

async function cartExists(cartId: string) {
  return (await db.query('SELECT 1 FROM "Cart" WHERE id = $1', [cartId])).length === 1;
}

function eventsOf(paymentIntentId: string, type?: string) {
  return harness.emulator
    .events()
    .filter((event) => (event.data.object as { id?: string }).id === paymentIntentId)
    .filter((event) => !type || event.type === type);
}

async function sendEvent(eventId: string, times = 1) {
  const attempts = await harness.emulator.resend(eventId, times);
  return attempts.map((attempt) => attempt.status);
}

describe("POST /api/payments/{cartId}/intent", () => {
  it("creates one PaymentIntent with the server's amount, currency and metadata", async () => {
    const cart = await cartReadyToPay([
      ["espresso-cup", 2],
      ["tea-tin", 1],
    ]);

    const { status, body } = await intentFor(cart.id);

    expect(status).toBe(200);
    expect(body).toEqual({
      clientSecret: expect.stringMatching(/^pi_.+_secret_.+$/),
      paymentIntentId: expect.stringMatching(/^pi_/),
      amount: 2 * 1200 + 890,
      currency: "eur",
    });
    const intent = await harness.stripe.paymentIntents.retrieve(body.paymentIntentId);
    expect(intent.metadata).toEqual({
      cartId: cart.id,
      userId: "shopper_0123456789abcdef",
      cartVersion: "4",
    });
    expect(intent.automatic_payment_methods?.enabled).toBe(true);
  });

  it("answers the same intent on a repeat and never makes a second one, even concurrently", async () => {
    const cart = await cartReadyToPay();

    const answers = await Promise.all(Array.from({ length: 8 }, () => intentFor(cart.id)));

    const ids = new Set(answers.map((answer) => answer.body.paymentIntentId));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(ids.size).toBe(1);
    const created = harness.emulator
      .events()
      .filter((event) => event.type === "payment_intent.created")
      .filter(
        (event) =>
          (event.data.object as { metadata: { cartId?: string } }).metadata.cartId === cart.id,
      );
    expect(created).toHaveLength(1);
  });

  it("updates the same intent when the cart changed, and refuses a stale amount at finalize", async () => {
    const cart = await cartReadyToPay([["moka-pot", 1]]);
    const first = await intentFor(cart.id);
    await addLine(getDb(), cart.id, "moka-pot", 1);

    const second = await intentFor(cart.id);

    expect(second.body.paymentIntentId).toBe(first.body.paymentIntentId);
    expect(second.body.amount).toBe(2 * 3490);
    // Someone changes the intent behind the cart's back: the cart was not charged that amount.
    await harness.stripe.paymentIntents.update(second.body.paymentIntentId, { amount: 100 });
    await confirm(second.body.paymentIntentId, "pm_card_visa");
    const refused = await finalize(cart.id, second.body.paymentIntentId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("amount_mismatch");
  });

  it("updates the same intent when a catalog price changed, the cart itself unchanged", async () => {
    const cart = await cartReadyToPay([["moka-pot", 2]]);
    const first = await intentFor(cart.id);
    const setPrice = (amount: number) =>
      db.query('UPDATE "Product" SET "priceAmount" = $1 WHERE id = $2', [amount, "moka-pot"]);

    await setPrice(3990);
    try {
      const second = await intentFor(cart.id);

      expect(second.body.paymentIntentId).toBe(first.body.paymentIntentId);
      expect(second.body.amount).toBe(2 * 3990);
      const atStripe = await harness.stripe.paymentIntents.retrieve(first.body.paymentIntentId);
      expect(atStripe.amount).toBe(2 * 3990);
      await confirm(second.body.paymentIntentId, "pm_card_visa");
      expect((await finalize(cart.id, second.body.paymentIntentId)).status).toBe(200);
      expect((await ordersOf(second.body.paymentIntentId))[0]?.amount).toBe(2 * 3990);
    } finally {
      await setPrice(3490);
    }
  });

  it("replaces a canceled intent", async () => {
    const cart = await cartReadyToPay();
    const first = await intentFor(cart.id);
    await harness.stripe.paymentIntents.cancel(first.body.paymentIntentId);

    const second = await intentFor(cart.id);

    expect(second.status).toBe(200);
    expect(second.body.paymentIntentId).not.toBe(first.body.paymentIntentId);
  });

  it.each([
    ["an unknown cart", "AAAAAAAAAAAAAAAAAAAAAA", 404, "cart_not_found"],
    ["an id that cannot be a cart", "x", 404, "cart_not_found"],
  ])("answers %s with %s", async (_case, cartId, status, code) => {
    const response = await intentFor(cartId);

    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
  });

  it("refuses an empty cart and a cart without details", async () => {
    const empty = await cartReadyToPay([]);
    const { createCart } = await import("@/lib/cart/cart-service");
    const noDetails = await createCart(getDb(), "shopper_0123456789abcdef");
    await addLine(getDb(), noDetails.id, "tea-tin", 1);

    const emptyAnswer = await intentFor(empty.id);
    const noDetailsAnswer = await intentFor(noDetails.id);

    expect(emptyAnswer.status).toBe(422);
    expect(emptyAnswer.body.error.code).toBe("cart_empty");
    expect(noDetailsAnswer.status).toBe(422);
    expect(noDetailsAnswer.body.error.code).toBe("details_missing");
  });

  it("answers where the order is when the cart's intent already succeeded", async () => {
    const cart = await cartReadyToPay();
    const { body } = await intentFor(cart.id);

    const again = await harness.withWebhooksHeld(async () => {
      await confirm(body.paymentIntentId, "pm_card_visa");
      await db.query('UPDATE "Cart" SET version = version + 1 WHERE id = $1', [cart.id]);
      return intentFor(cart.id);
    });

    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_paid");
    const [order] = await ordersOf(body.paymentIntentId);
    expect(again.body.error.orderId).toBe(order?.id);
    expect(order?.status).toBe("Paid");
  });
});

describe("happy path", () => {
  it("intent → confirm → finalize: one Paid order, cart deleted, the five runbook messages", async () => {
    const cart = await cartReadyToPay([["coffee-beans", 3]]);
    const traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    const intent = await callRoute(intentRoute.POST, {
      method: "POST",
      params: { cartId: cart.id },
      headers: { traceparent },
    });

    const [finalized, succeeded] = await harness.withWebhooksHeld(async () => {
      await confirm(intent.body.paymentIntentId, "pm_card_visa");
      const answer = await finalize(cart.id, intent.body.paymentIntentId);
      const [event] = eventsOf(intent.body.paymentIntentId, "payment_intent.succeeded");
      expect(await sendEvent(event!.id)).toEqual([200]);
      return [answer, event] as const;
    });

    const [order] = await ordersOf(intent.body.paymentIntentId);
    expect(finalized.status).toBe(200);
    expect(finalized.body).toEqual({
      orderId: order!.id,
      orderNumber: expect.any(Number),
      status: "Paid",
    });
    expect(order).toMatchObject({
      status: "Paid",
      amount: 3 * 1450,
      currency: "eur",
      email: "ada@example.com",
    });
    expect(order!.lines).toEqual([
      {
        productId: "coffee-beans",
        name: "Coffee beans, 250 g",
        unitAmount: 1450,
        quantity: 3,
        lineAmount: 4350,
      },
    ]);
    expect(order!.paidAt).toBeInstanceOf(Date);
    expect(await cartExists(cart.id)).toBe(false);
    expect(await historyOf(intent.body.paymentIntentId)).toEqual([
      {
        fromStatus: null,
        toStatus: "Paid",
        applied: true,
        source: "finalize",
        stripeEventId: null,
      },
    ]);

    const lineFor = (message: string) =>
      harness.logs.find(
        (line) =>
          line.msg === message &&
          line.CartId === cart.id &&
          (line.EventType === undefined || line.EventType === "payment_intent.succeeded"),
      );
    const messages = [
      "Richiesta create/update PaymentIntent ricevuta",
      "Richiesta finalize payment ricevuta",
      "Webhook Stripe ricevuto",
      "Finalize payment completata con successo",
      "Webhook processed: payment_intent.succeeded",
    ];
    for (const message of messages) {
      const line = lineFor(message);
      expect(line, message).toMatchObject({ CartId: cart.id, UserId: "shopper_0123456789abcdef" });
      expect(line!.TraceId, message).toMatch(/^[0-9a-f]{32}$/);
      expect("PaymentIntentId" in line! || message.startsWith("Richiesta create"), message).toBe(
        true,
      );
    }
    expect(lineFor(messages[0]!)!.TraceId).toBe("0af7651916cd43dd8448eb211c80319c");
    expect(lineFor(messages[2]!)).toMatchObject({
      PaymentIntentId: intent.body.paymentIntentId,
      EventId: succeeded!.id,
      EventType: "payment_intent.succeeded",
    });
  });

  it("answers the existing order when finalize is called again or after the webhook", async () => {
    const cart = await cartReadyToPay();
    const { body } = await intentFor(cart.id);
    await confirm(body.paymentIntentId, "pm_card_visa");
    await harness.emulator.settled();
    expect(await cartExists(cart.id)).toBe(false);

    const first = await finalize(cart.id, body.paymentIntentId);
    const second = await finalize(cart.id, body.paymentIntentId);

    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await ordersOf(body.paymentIntentId)).toHaveLength(1);
  });
});

describe("exactly once", () => {
  it("the same succeeded event 5 times, with finalize and webhook fired 20 times at once", async () => {
    const cart = await cartReadyToPay();
    const { body } = await intentFor(cart.id);

    const { succeeded, finalizes, webhooks, direct } = await harness.withWebhooksHeld(async () => {
      await confirm(body.paymentIntentId, "pm_card_visa");
      const [event] = eventsOf(body.paymentIntentId, "payment_intent.succeeded");
      const intent = await harness.stripe.paymentIntents.retrieve(body.paymentIntentId);
      const [five, finalizeAnswers, webhookAnswers, directResults] = await Promise.all([
        sendEvent(event!.id, 5),
        Promise.all(Array.from({ length: 10 }, () => finalize(cart.id, body.paymentIntentId))),
        Promise.all(Array.from({ length: 10 }, () => sendEvent(event!.id))),
        Promise.all(
          Array.from({ length: 5 }, () =>
            applyPaymentOutcome(getDb(), intent, "Paid", { source: "reconcile", actor: "test" }),
          ),
        ),
      ]);
      return {
        succeeded: event!,
        finalizes: finalizeAnswers,
        webhooks: [...five, ...webhookAnswers.flat()],
        direct: directResults,
      };
    });

    expect(finalizes.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(new Set(finalizes.map((answer) => answer.body.orderId)).size).toBe(1);
    expect(webhooks).toEqual(Array(15).fill(200));
    expect(await ordersOf(body.paymentIntentId)).toHaveLength(1);
    const paid = (await historyOf(body.paymentIntentId)).filter((row) => row.toStatus === "Paid");
    expect(paid).toHaveLength(1);
    expect(await cartExists(cart.id)).toBe(false);
    const stored = await db.query('SELECT state, attempts FROM "WebhookEvent" WHERE id = $1', [
      succeeded.id,
    ]);
    expect(stored).toEqual([{ state: "Processed", attempts: 1 }]);
    // Whichever caller came first did the work: the others only found it done.
    const createdDirectly = direct.filter((result) => result.created).length;
    expect(createdDirectly).toBe(paid[0]?.source === "reconcile" ? 1 : 0);
    expect(direct.filter((result) => result.cartDeleted).length).toBeLessThanOrEqual(
      createdDirectly,
    );
  });
});

describe("ResolveStatus in the database", () => {
  it("keeps Paid when payment_failed and processing arrive after succeeded, and audits the refusals", async () => {
    const cart = await cartReadyToPay();
    const { body } = await intentFor(cart.id);
    const [processing, succeeded] = await harness.withWebhooksHeld(async () => {
      await harness.stripe.paymentIntents.confirm(body.paymentIntentId, {
        payment_method: "pm_card_emulatorProcessing",
      });
      await new Promise((resolve) => setTimeout(resolve, 600));
      const late = eventsOf(body.paymentIntentId, "payment_intent.processing")[0]!;
      const first = eventsOf(body.paymentIntentId, "payment_intent.succeeded")[0]!;
      await harness.emulator.deliverBatch([first.id, late.id]);
      return [late, first];
    });

    const [order] = await ordersOf(body.paymentIntentId);
    expect(order?.status).toBe("Paid");
    expect(await historyOf(body.paymentIntentId)).toEqual([
      {
        fromStatus: null,
        toStatus: "Paid",
        applied: true,
        source: "webhook",
        stripeEventId: succeeded.id,
      },
      {
        fromStatus: "Paid",
        toStatus: "Processing",
        applied: false,
        source: "webhook",
        stripeEventId: processing.id,
      },
    ]);
    // The late event changed nothing: stored and logged as ignored, not as processed.
    const stored = await db.query('SELECT state FROM "WebhookEvent" WHERE id = $1', [
      processing.id,
    ]);
    expect(stored).toEqual([{ state: "Ignored" }]);
    const webhookLines = harness.logs.filter(
      (line) => line.EventId === processing.id && String(line.msg).startsWith("Webhook "),
    );
    expect(webhookLines.map((line) => [line.msg, line.reason])).toEqual([
      ["Webhook Stripe ricevuto", undefined],
      ["Webhook ignored: payment_intent.processing", "the order stays Paid"],
    ]);
  });

  it("a failed attempt followed by a successful one ends Paid, in either delivery order", async () => {
    for (const order of ["failed first", "succeeded first"]) {
      const cart = await cartReadyToPay();
      const { body } = await intentFor(cart.id);
      await harness.withWebhooksHeld(async () => {
        await confirm(body.paymentIntentId, "pm_card_chargeDeclined");
        await confirm(body.paymentIntentId, "pm_card_visa");
        const failed = eventsOf(body.paymentIntentId, "payment_intent.payment_failed")[0]!;
        const succeeded = eventsOf(body.paymentIntentId, "payment_intent.succeeded")[0]!;
        const ids =
          order === "failed first" ? [failed.id, succeeded.id] : [succeeded.id, failed.id];
        await harness.emulator.deliverBatch(ids);
      });

      const [row] = await ordersOf(body.paymentIntentId);
      expect(row?.status, order).toBe("Paid");
      expect(await cartExists(cart.id), order).toBe(false);
    }
  });

  it("a declined card makes finalize answer 402 with Stripe's message and keeps the cart", async () => {
    const cart = await cartReadyToPay();
    const { body } = await intentFor(cart.id);
    await harness.withWebhooksHeld(() =>
      confirm(body.paymentIntentId, "pm_card_chargeDeclinedInsufficientFunds"),
    );

    const declined = await finalize(cart.id, body.paymentIntentId);
    await confirm(body.paymentIntentId, "pm_card_visa");
    const paid = await finalize(cart.id, body.paymentIntentId);

    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({
      code: "payment_failed",
      message: "Your card has insufficient funds.",
    });
    expect(paid.status).toBe(200);
    expect((await historyOf(body.paymentIntentId)).map((row) => row.toStatus)).toEqual([
      "Failed",
      "Paid",
    ]);
  });

  it("finalize of a processing payment answers 202 and the later webhook makes it Paid", async () => {
    const cart = await cartReadyToPay();
    const { body } = await intentFor(cart.id);
    await harness.stripe.paymentIntents.confirm(body.paymentIntentId, {
      payment_method: "pm_card_emulatorProcessing",
    });

    const processing = await finalize(cart.id, body.paymentIntentId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await harness.emulator.settled();

    expect(processing.status).toBe(202);
    expect(processing.body.status).toBe("Processing");
    const [order] = await ordersOf(body.paymentIntentId);
    expect(order?.status).toBe("Paid");
    expect(await cartExists(cart.id)).toBe(false);
  });

  it("a full refund makes the order Refunded", async () => {
    const cart = await cartReadyToPay();
    const { body } = await intentFor(cart.id);
    await confirm(body.paymentIntentId, "pm_card_visa");
    await finalize(cart.id, body.paymentIntentId);

    await harness.stripe.refunds.create({ payment_intent: body.paymentIntentId, amount: 1000 });
    await harness.emulator.settled();
    const [partly] = await ordersOf(body.paymentIntentId);
    await harness.stripe.refunds.create({ payment_intent: body.paymentIntentId });
    await harness.emulator.settled();

    expect(partly?.status).toBe("Paid");
    const [order] = await ordersOf(body.paymentIntentId);
    expect(order?.status).toBe("Refunded");
  });
});

describe("finalize refuses what is not this cart's", () => {
  it("answers 409 for an intent of another cart and 404 for one Stripe does not know", async () => {
    const mine = await cartReadyToPay();
    const other = await cartReadyToPay();
    const { body } = await intentFor(other.id);

    const foreign = await finalize(mine.id, body.paymentIntentId);
    const unknown = await finalize(mine.id, "pi_doesnotexist000000");
    const malformed = await callRoute(finalizeRoute.POST, {
      method: "POST",
      params: { cartId: mine.id },
      body: { paymentIntentId: "'; DROP TABLE" },
    });

    expect(foreign.status).toBe(409);
    expect(foreign.body.error.code).toBe("intent_mismatch");
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(400);
    expect(await ordersOf(body.paymentIntentId)).toHaveLength(0);
    // Each refusal leaves a line an operator can find, with the request's trace id.
    const refusals = harness.logs.filter(
      (line) => String(line.msg).startsWith("Request refused") && line.CartId === mine.id,
    );
    expect(refusals.map((line) => [line.status, line.code])).toEqual([
      [409, "intent_mismatch"],
      [404, "payment_intent_not_found"],
      [400, "invalid_request"],
    ]);
    expect(refusals.every((line) => typeof line.TraceId === "string")).toBe(true);
  });
});

describe("webhook", () => {
  const event = (paymentIntentId: string) =>
    JSON.stringify({
      id: `evt_forged${Date.now()}`,
      object: "event",
      type: "payment_intent.succeeded",
      data: {
        object: { id: paymentIntentId, object: "payment_intent", metadata: { cartId: "x" } },
      },
    });
  const post = (body: string, headers: Record<string, string>) =>
    callRoute(webhookRoute.POST, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...headers },
    });
  const sign = (payload: string, options: { secret?: string; timestamp?: number } = {}) =>
    Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? harness.emulator.webhookSecret,
      timestamp: options.timestamp,
    });

  it.each([
    ["a missing header", (payload: string) => ({ payload, headers: {} }), "missing_header"],
    [
      "a wrong secret",
      (payload: string) => ({
        payload,
        headers: { "stripe-signature": sign(payload, { secret: "whsec_wrong0000000" }) },
      }),
      "no_matching_signature",
    ],
    [
      "a stale timestamp",
      (payload: string) => ({
        payload,
        headers: {
          "stripe-signature": sign(payload, { timestamp: Math.floor(Date.now() / 1000) - 3600 }),
        },
      }),
      "timestamp_out_of_tolerance",
    ],
    [
      "a body altered after signing",
      (payload: string) => ({
        payload: payload.replace("payment_intent.succeeded", "payment_intent.canceled"),
        headers: { "stripe-signature": sign(payload) },
      }),
      "no_matching_signature",
    ],
    [
      "a garbage header",
      (payload: string) => ({ payload, headers: { "stripe-signature": "t=,v1=" } }),
      "malformed_header",
    ],
  ])("answers 400 for %s, stores nothing and counts the cause", async (_case, build, cause) => {
    const { payload, headers } = build(event("pi_forged000000001"));
    // Events of earlier tests may still be on their way; none may land between the two counts.
    await harness.emulator.settled();
    const before = await db.query('SELECT count(*)::int AS n FROM "WebhookEvent"');

    const response = await post(payload, headers);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(cause);
    expect(await db.query('SELECT count(*)::int AS n FROM "WebhookEvent"')).toEqual(before);
    const failures = await db.query(
      'SELECT sum(count)::int AS n FROM "WebhookSignatureFailure" WHERE cause = $1',
      [cause],
    );
    expect(failures[0]?.n).toBeGreaterThan(0);
    const logged = harness.logs.filter((line) => line.msg === "Webhook signature rejected");
    expect(logged.at(-1)).toMatchObject({ cause });
    expect(JSON.stringify(logged)).not.toContain(harness.emulator.webhookSecret);
    expect(JSON.stringify(logged)).not.toContain("pi_forged000000001");
  });

  it("answers 400 for a signed body that is not a Stripe event", async () => {
    const response = await post("{not json", { "stripe-signature": sign("{not json") });

    expect(response.status).toBe(400);
  });

  it("acknowledges events of other integrations and unknown types without effect", async () => {
    const foreign = await harness.stripe.paymentIntents.create({ amount: 500, currency: "eur" });
    await harness.stripe.paymentIntents.confirm(foreign.id, { payment_method: "pm_card_visa" });
    await harness.emulator.settled();

    const [succeeded] = eventsOf(foreign.id, "payment_intent.succeeded");
    const stored = await db.query(
      'SELECT state, attempts, "processedAt" IS NOT NULL AS done FROM "WebhookEvent" WHERE id = $1',
      [succeeded!.id],
    );
    expect(stored).toEqual([{ state: "Ignored", attempts: 1, done: true }]);
    expect(await ordersOf(foreign.id)).toHaveLength(0);
    const created = eventsOf(foreign.id, "payment_intent.created")[0]!;
    expect(await db.query('SELECT state FROM "WebhookEvent" WHERE id = $1', [created.id])).toEqual([
      { state: "Ignored" },
    ]);
  });

  it("fulfils an event whose cart is gone from the intent's own data", async () => {
    const cart = await cartReadyToPay();
    const { body } = await intentFor(cart.id);
    const statuses = await harness.withWebhooksHeld(async () => {
      await confirm(body.paymentIntentId, "pm_card_visa");
      await db.query('DELETE FROM "Cart" WHERE id = $1', [cart.id]);
      const [succeeded] = eventsOf(body.paymentIntentId, "payment_intent.succeeded");
      return sendEvent(succeeded!.id);
    });

    expect(statuses).toEqual([200]);

    const [order] = await ordersOf(body.paymentIntentId);
    expect(order).toMatchObject({ status: "Paid", amount: 2400, currency: "eur" });
  });
});
