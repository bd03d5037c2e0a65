import { afterAll, beforeAll, beforeEach } from "vitest";
import Stripe from "stripe";

import {
  EMULATOR_SECRET_KEY,
  startStripeEmulator,
  stripeOptionsFor,
  type StripeEmulator,
  type StripeEmulatorOptions,
} from "../../src/index.js";

export interface EmulatorFixture {
  emulator: StripeEmulator;
  stripe: Stripe;
  /** A client with another key, e.g. a publishable one. */
  clientWith(key: string): Stripe;
}

/**
 * Starts one emulator for the test file and empties it before each test. stripe-node's own
 * retries are off so a test sees each answer exactly once.
 */
export function useEmulator(options: StripeEmulatorOptions = {}): EmulatorFixture {
  const fixture = {} as EmulatorFixture;

  beforeAll(async () => {
    fixture.emulator = await startStripeEmulator({ processingDelayMs: 200, ...options });
    fixture.clientWith = (key) =>
      new Stripe(key, { ...stripeOptionsFor(fixture.emulator.url), maxNetworkRetries: 0 });
    fixture.stripe = fixture.clientWith(EMULATOR_SECRET_KEY);
  });
  beforeEach(() => fixture.emulator.reset());
  afterAll(async () => {
    await fixture.emulator?.stop();
  });

  return fixture;
}

/** Asserts that `promise` rejects and hands back the error for closer checks. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    return error as Stripe.errors.StripeError;
  }
  throw new Error("Expected the call to fail, but it succeeded.");
}
