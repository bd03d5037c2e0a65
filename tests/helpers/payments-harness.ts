// The payment tests' world: the Stripe emulator, reached through stripe-node exactly as the app
// reaches Stripe, delivering signed webhooks to the app's webhook route over real HTTP.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";

import { NextRequest } from "next/server";
import type Stripe from "stripe";
import { afterAll, beforeAll } from "vitest";

import * as webhookRoute from "@/app/api/payments/webhook/route";
import { addLine, createCart, saveDetails } from "@/lib/cart/cart-service";
import { resetConfigForTests } from "@/lib/config/config";
import { getDb } from "@/lib/db/client";
import { setLogTarget } from "@/lib/log/logger";
import { resetStripeForTests } from "@/lib/stripe/client";
import {
  startStripeEmulator,
  stripeClientFor,
  type StripeEmulator,
} from "@/stripe-emulator/src/index";

export interface PaymentsHarness {
  emulator: StripeEmulator;
  /** A stripe-node client for the test's own moves (confirming as the browser would). */
  stripe: Stripe;
  /** Every JSON log line the app wrote since the harness started. */
  logs: Record<string, unknown>[];
  webhookUrl: string;
  /**
   * Runs `work` with Stripe's own delivery held, so the test decides which events arrive and in
   * what order; afterwards whatever is still held is delivered, as Stripe eventually would.
   */
  withWebhooksHeld<T>(work: () => Promise<T>): Promise<T>;
}

export const SHOPPER = {
  email: "ada@example.com",
  name: "Ada Lovelace",
  address: { line1: "Via Roma 1", city: "Torino", postalCode: "10121", country: "IT" },
};

export function usePaymentsHarness(): PaymentsHarness {
  const harness = {
    logs: [] as Record<string, unknown>[],
    async withWebhooksHeld<T>(work: () => Promise<T>): Promise<T> {
      harness.emulator.hold();
      try {
        return await work();
      } finally {
        harness.emulator.release();
        await harness.emulator.settled();
      }
    },
  } as PaymentsHarness;
  let receiver: http.Server;

  beforeAll(async () => {
    setLogTarget(
      new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).split("\n").filter(Boolean))
            harness.logs.push(JSON.parse(line));
          done();
        },
      }),
    );
    receiver = await startWebhookReceiver();
    harness.webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/payments/webhook`;
    harness.emulator = await startStripeEmulator({
      forwardTo: harness.webhookUrl,
      processingDelayMs: 300,
      retryDelaysMs: [50, 100, 200, 400, 800, 1600],
    });
    harness.stripe = stripeClientFor(harness.emulator.url);
    Object.assign(process.env, {
      STRIPE_API_BASE: harness.emulator.url,
      STRIPE_WEBHOOK_SECRET: harness.emulator.webhookSecret,
    });
    resetConfigForTests();
    resetStripeForTests();
  });

  afterAll(async () => {
    await harness.emulator?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
    setLogTarget(process.stdout);
  });

  return harness;
}

/** An HTTP server in the test process that hands each request to the app's webhook route. */
async function startWebhookReceiver(): Promise<http.Server> {
  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const request = new NextRequest(new URL(incoming.url ?? "/", "http://127.0.0.1"), {
      method: incoming.method,
      headers: incoming.headers as Record<string, string>,
      body: Buffer.concat(chunks),
    });
    const response = await webhookRoute.POST(request, { params: Promise.resolve({}) });
    outgoing.writeHead(response.status, { "content-type": "application/json" });
    outgoing.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/** A cart with lines and shipping details, ready for the Payment step. */
export async function cartReadyToPay(lines: [string, number][] = [["espresso-cup", 2]]) {
  const db = getDb();
  const cart = await createCart(db, "shopper_0123456789abcdef");
  for (const [productId, quantity] of lines) await addLine(db, cart.id, productId, quantity);
  return saveDetails(db, cart.id, SHOPPER);
}
