// Stripe as the browser tests see it from the outside: stripe-node against the local emulator
// (or against Stripe itself in the opt-in real mode), and the emulator's control API.
import Stripe from "stripe";

import { E2E_EMULATOR_URL, E2E_REAL_STRIPE } from "../../playwright.config";
import { stripeClientFor } from "../../stripe-emulator/src/index";

export const CARDS = {
  visa: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
  threeDSecure: "4000 0025 0000 3155",
  /** The emulator's own card that stays `processing` for a while, then succeeds. */
  processing: "4000 1111 2222 3339",
};

export const NEEDS_EMULATOR = "needs the local Stripe emulator (E2E_STRIPE=real is set)";

let client: Stripe | null = null;

export function stripe(): Stripe {
  client ??= E2E_REAL_STRIPE
    ? new Stripe(process.env.STRIPE_SECRET_KEY ?? "")
    : stripeClientFor(E2E_EMULATOR_URL);
  return client;
}

/** The `payment_intent.created` events of one cart since `since` (unix seconds). */
export async function intentsCreatedFor(cartId: string, since: number): Promise<string[]> {
  const created: string[] = [];
  for await (const event of stripe().events.list({
    type: "payment_intent.created",
    created: { gte: since },
    limit: 100,
  })) {
    const intent = event.data.object as Stripe.PaymentIntent;
    if (intent.metadata?.cartId === cartId) created.push(intent.id);
  }
  return created;
}

/** Calls the emulator's control API (`/_emulator/…`), which tests use to steer it. */
export async function emulatorControl<T = unknown>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${E2E_EMULATOR_URL}/_emulator${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status}`);

  return (await response.json()) as T;
}
