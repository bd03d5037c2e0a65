import { describe, expect, it } from "vitest";

import { DEFAULT_API_VERSION } from "../src/index.js";
import { expectFixtureShape } from "./support/fixture-shape.js";
import { rejectionOf, useEmulator } from "./support/emulator.js";

const env = useEmulator();

describe("events", () => {
  it("records each change with a snapshot of the object at that time", async () => {
    const intent = await env.stripe.paymentIntents.create(
      { amount: 1000, currency: "usd" },
      { idempotencyKey: "create-1" },
    );
    await env.stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });

    const created = await env.stripe.events.list({ type: "payment_intent.created" });
    const event = created.data[0]!;

    expectFixtureShape(event, "event");
    expectFixtureShape(event.data.object, "payment_intent");
    expect(event).toMatchObject({
      api_version: DEFAULT_API_VERSION,
      pending_webhooks: 0,
      request: { id: expect.stringMatching(/^req_/), idempotency_key: "create-1" },
    });
    expect(event.id).toMatch(/^evt_/);
    expect(event.data.object).toMatchObject({ id: intent.id, status: "requires_payment_method" });
  });

  it("retrieves one event and filters the list by type, with wildcards", async () => {
    const intent = await env.stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
    });

    const charges = await env.stripe.events.list({ type: "charge.*" });
    const intents = await env.stripe.events.list({ type: "payment_intent.*" });
    const one = await env.stripe.events.retrieve(intents.data[0]!.id);

    expect(charges.data.map((e) => e.type)).toEqual(["charge.succeeded"]);
    expect(intents.data.map((e) => e.type)).toEqual([
      "payment_intent.succeeded",
      "payment_intent.created",
    ]);
    expect(one.data.object).toMatchObject({ id: intent.id, status: "succeeded" });
  });

  it("pages events with limit, starting_after and created", async () => {
    for (let i = 0; i < 4; i++) {
      await env.stripe.paymentIntents.create({ amount: 1000, currency: "usd" });
    }
    const now = Math.floor(Date.now() / 1000);

    const first = await env.stripe.events.list({ limit: 3 });
    const rest = await env.stripe.events.list({ limit: 3, starting_after: first.data[2]!.id });
    const recent = await env.stripe.events.list({ created: { gte: now - 60 } });

    expect(first.has_more).toBe(true);
    expect(rest.data).toHaveLength(1);
    expect(rest.has_more).toBe(false);
    expect(recent.data).toHaveLength(4);
  });

  it("answers resource_missing for an unknown event", async () => {
    const error = await rejectionOf(env.stripe.events.retrieve("evt_missing"));

    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});
