import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as cartByIdRoute from "@/app/api/cart/[cartId]/route";
import * as linesRoute from "@/app/api/cart/[cartId]/lines/route";
import * as webhookRoute from "@/app/api/payments/webhook/route";

import type { CallResult } from "../helpers/call-route";
import { usePaymentsHarness } from "../helpers/payments-harness";
import { useTestDatabase } from "../helpers/test-database";
import { CASES, ROUTE_PATHS } from "./cases";
import {
  buildWorld,
  callRaw,
  cookieOf,
  signatureFailuresByCause,
  snapshot,
  type Snapshot,
  type World,
} from "./world";

const db = useTestDatabase();
const harness = usePaymentsHarness();
let world: World;

beforeAll(async () => {
  world = await buildWorld(db, harness);
});

afterAll(async () => {
  harness.emulator.release();
  await harness.emulator.settled();
});

/** A refusal the caller can act on: JSON `{ error: { code, message } }`, short, no internals. */
function expectClearError(response: CallResult, code: string | null) {
  if (code === null) {
    expect(response.body).toBeNull();
    return;
  }

  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(Object.keys(response.body)).toEqual(["error"]);
  expect(response.body.error).toMatchObject({ code, message: expect.any(String) });
  const message: string = response.body.error.message;
  expect(message.length).toBeGreaterThan(5);
  expect(message.length).toBeLessThan(200);
  expect(message).not.toMatch(/\n\s+at |prisma|SELECT|INSERT|whsec_|sk_test/i);
  // The trace id is ours or a valid incoming one, never a copy of a hostile header.
  expect(response.headers.get("x-trace-id")).toMatch(/^[0-9a-f]{32}$/);
}

function withoutSignatureFailures(tables: Snapshot): Snapshot {
  return Object.fromEntries(
    Object.entries(tables).filter(([table]) => table !== "WebhookSignatureFailure"),
  );
}

describe("bad-input table: refused with a clear 4xx, the database and Stripe untouched", () => {
  it.each(CASES)("$endpoint: $name → $status $code", async (badCase) => {
    await harness.emulator.settled();
    const before = await snapshot(db);
    const stripeEvents = harness.emulator.events().length;

    const response = await badCase.send(world, harness.emulator.webhookSecret);

    expect(response.status).toBe(badCase.status);
    expectClearError(response, badCase.code);
    const after = await snapshot(db);
    if (badCase.signatureFailure) {
      const counted = signatureFailuresByCause(before);
      counted[badCase.signatureFailure] = (counted[badCase.signatureFailure] ?? 0) + 1;
      expect(signatureFailuresByCause(after)).toEqual(counted);
      expect(withoutSignatureFailures(after)).toEqual(withoutSignatureFailures(before));
    } else {
      expect(after).toEqual(before);
    }
    expect(harness.emulator.events()).toHaveLength(stripeEvents);
  });
});

describe("the table's checks can fail", () => {
  it("the snapshot sees the change a valid request makes", async () => {
    const before = await snapshot(db);

    const response = await callRaw(linesRoute, {
      method: "POST",
      params: { cartId: world.noDetailsCartId },
      headers: { "content-type": "application/json", cookie: cookieOf(world.shopper) },
      body: JSON.stringify({ productId: "tea-tin", quantity: 1 }),
    });

    expect(response.status).toBe(200);
    expect(await snapshot(db)).not.toEqual(before);
  });

  it("a correctly signed event gets past the signature check and is stored", async () => {
    const payload = JSON.stringify({
      id: "evt_badinput_control",
      object: "event",
      type: "customer.created",
      data: { object: { id: "cus_badinput", object: "customer" } },
    });
    const header = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: harness.emulator.webhookSecret,
    });

    const response = await callRaw(webhookRoute, {
      method: "POST",
      body: payload,
      headers: { "content-type": "application/json", "stripe-signature": header },
    });

    expect(response.status).toBe(200);
    const stored = await db.query('SELECT state FROM "WebhookEvent" WHERE id = $1', [
      "evt_badinput_control",
    ]);
    expect(stored).toEqual([{ state: "Ignored" }]);
  });

  it("a cart's id still reaches it with its owner's cookie or with none", async () => {
    const call = (cookie?: string) =>
      callRaw(cartByIdRoute, {
        method: "GET",
        params: { cartId: world.cartId },
        headers: cookie ? { cookie } : {},
      });

    expect((await call(cookieOf(world.shopper, world.cartId))).status).toBe(200);
    expect((await call()).status).toBe(200);
  });
});

describe("coverage", () => {
  it("reaches every route handler of the app and prints the count", () => {
    const apiDir = fileURLToPath(new URL("../../app/api", import.meta.url));
    const routes = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === "route.ts")
      .map((file) => `/api/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}"))
      .sort();
    const endpoints = new Set(CASES.map((badCase) => badCase.endpoint));

    expect([...ROUTE_PATHS].sort()).toEqual(routes);
    for (const route of routes) {
      expect(
        [...endpoints].some((endpoint) => endpoint.endsWith(` ${route}`)),
        route,
      ).toBe(true);
    }
    expect(CASES.length).toBeGreaterThanOrEqual(300);

    const perEndpoint = new Map<string, number>();
    for (const { endpoint } of CASES)
      perEndpoint.set(endpoint, (perEndpoint.get(endpoint) ?? 0) + 1);
    const lines = [...perEndpoint].map(
      ([endpoint, count]) => `  ${String(count).padStart(4)}  ${endpoint}`,
    );
    process.stdout.write(
      `bad-input table: ${CASES.length} cases over ${perEndpoint.size} endpoint methods\n${lines.join("\n")}\n`,
    );
  });
});
