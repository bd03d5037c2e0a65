import Stripe from "stripe";

import { EMULATOR_SECRET_KEY } from "./keys.js";

export { startStripeEmulator } from "./start.js";
export type { StripeEmulator, StripeEmulatorOptions } from "./start.js";
export type { DeliveryAttempt } from "./webhooks/deliverer.js";
export type { StripeEvent } from "./objects/event.js";
export {
  DEFAULT_API_VERSION,
  DEFAULT_PORT,
  EMULATOR_PUBLIC_KEY,
  EMULATOR_SECRET_KEY,
  EMULATOR_WEBHOOK_SECRET,
} from "./keys.js";
export {
  EMULATOR_PROCESSING_CARD,
  EMULATOR_PROCESSING_PAYMENT_METHOD,
  TEST_CARDS,
} from "./test-cards.js";
export { DEFAULT_RETRY_DELAYS_MS } from "./emulator.js";

/** The options that point stripe-node at an emulator: `new Stripe(key, stripeOptionsFor(url))`. */
export function stripeOptionsFor(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ""),
    port: Number(parsed.port),
    protocol: "http" as const,
  };
}

/** A stripe-node client talking to the emulator at `url`. */
export function stripeClientFor(url: string, key: string = EMULATOR_SECRET_KEY): Stripe {
  return new Stripe(key, stripeOptionsFor(url));
}
