import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import Stripe from "stripe";

import {
  EMULATOR_PROCESSING_PAYMENT_METHOD,
  startStripeEmulator,
  stripeClientFor,
} from "../src/index.js";
import { useEmulator } from "./support/emulator.js";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver.js";

const SECRET = "whsec_test_conformance_secret";
const env = useEmulator({ webhookSecret: SECRET, retryDelaysMs: [50, 100] });
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
beforeEach(() => {
  receiver.clear();
  env.emulator.setForwardTo(receiver.url);
});
afterAll(async () => {
  await receiver.stop();
});

async function control(path: string, body?: unknown) {
  const response = await fetch(`${env.emulator.url}/_emulator${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function paidIntent(paymentMethod = "pm_card_visa") {
  return env.stripe.paymentIntents.create({
    amount: 2500,
    currency: "usd",
    payment_method: paymentMethod,
    confirm: true,
  });
}

describe("webhooks", () => {
  it("delivers each event signed so that constructEvent verifies it", async () => {
    const intent = await paidIntent();

    const received = await receiver.waitFor((all) => all.length === 3);
    const events = received.map((webhook) =>
      env.stripe.webhooks.constructEvent(webhook.body, webhook.signature, SECRET),
    );

    expect(events.map((event) => event.type)).toEqual([
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.succeeded",
    ]);
    const succeeded = events[2]!.data.object as Stripe.PaymentIntent;
    expect(succeeded).toMatchObject({ id: intent.id, status: "succeeded" });
    expect(events[0]!.pending_webhooks).toBe(1);
    expect(() =>
      env.stripe.webhooks.constructEvent(received[0]!.body, received[0]!.signature, "whsec_other"),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it("delivers the events of one object in the order they happened", async () => {
    await paidIntent(EMULATOR_PROCESSING_PAYMENT_METHOD);

    const received = await receiver.waitFor((all) => all.length === 5);

    expect(received.map((webhook) => webhook.eventType)).toEqual([
      "payment_intent.created",
      "charge.pending",
      "payment_intent.processing",
      "charge.succeeded",
      "payment_intent.succeeded",
    ]);
  });

  it("retries a delivery answered with 500 and logs every attempt", async () => {
    let failuresLeft = 1;
    receiver.respondWith(() => (failuresLeft-- > 0 ? 500 : 200));
    await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    const received = await receiver.waitFor((all) => all.length === 2);
    await env.emulator.settled();
    const eventId = received[0]!.eventId;
    const { json } = await control(`/deliveries?event=${eventId}`);

    expect(received[1]!.eventId).toBe(eventId);
    expect(json.data).toMatchObject([
      { eventId, attempt: 1, trigger: "automatic", status: 500, ok: false, error: "HTTP 500" },
      { eventId, attempt: 2, trigger: "retry", status: 200, ok: true, error: null },
    ]);
  });

  it("gives up after the retry schedule and records connection errors", async () => {
    env.emulator.setForwardTo("http://127.0.0.1:9/unreachable");
    const intent = await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    await env.emulator.settled();
    const attempts = env.emulator.deliveries();

    expect(attempts.map((a) => a.trigger)).toEqual(["automatic", "retry", "retry"]);
    expect(attempts.every((a) => a.status === null && a.error)).toBe(true);
    expect(attempts[0]!.eventType).toBe("payment_intent.created");
    expect(intent.id).toMatch(/^pi_/);
  });

  it("holds deliveries until released", async () => {
    expect((await control("/webhooks/hold", {})).status).toBe(200);
    await paidIntent();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(receiver.received).toHaveLength(0);

    await control("/webhooks/release", {});
    const received = await receiver.waitFor((all) => all.length === 3);

    expect(received.map((w) => w.eventType)).toEqual([
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.succeeded",
    ]);
  });

  it("resends one event n times, as duplicates", async () => {
    env.emulator.hold();
    await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    const [event] = env.emulator.events();

    const { json } = await control(`/events/${event!.id}/resend`, { times: 3 });

    expect(json.data).toHaveLength(3);
    expect(receiver.received.map((w) => w.eventId)).toEqual([event!.id, event!.id, event!.id]);
  });

  it("delivers a batch in exactly the given order and keeps it out of the held queue", async () => {
    env.emulator.hold();
    await paidIntent();
    const ids = env.emulator.events().map((event) => event.id);
    const reversed = [...ids].reverse();

    await control("/events/deliver-batch", { ids: reversed });
    env.emulator.release();
    await env.emulator.settled();

    expect(receiver.received.map((w) => w.eventId)).toEqual(reversed);
  });

  it("signs with a secret changed through the control API", async () => {
    await control("/config", { webhookSecret: "whsec_rotated" });
    await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    const [webhook] = await receiver.waitFor((all) => all.length === 1);
    await control("/config", { webhookSecret: SECRET });

    const event = env.stripe.webhooks.constructEvent(
      webhook!.body,
      webhook!.signature,
      "whsec_rotated",
    );
    expect(event.type).toBe("payment_intent.created");
  });

  it("records events but sends nothing without a forward URL", async () => {
    env.emulator.setForwardTo(null);
    await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });

    await env.emulator.settled();

    expect(receiver.received).toHaveLength(0);
    expect(env.emulator.events()[0]!.pending_webhooks).toBe(0);
  });

  it("counts a delivery that is not answered in time as failed", async () => {
    const silent = createServer(() => {
      // Never answers: the emulator has to give up on its own.
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const impatient = await startStripeEmulator({
      forwardTo: silentUrl,
      webhookTimeoutMs: 50,
      retryDelaysMs: [],
    });

    await stripeClientFor(impatient.url).paymentIntents.create({ amount: 1000, currency: "usd" });
    await impatient.settled();

    expect(impatient.deliveries()).toMatchObject([{ ok: false, status: null, error: "timed out" }]);
    await impatient.stop();
    silent.closeAllConnections();
    silent.close();
  });
});
