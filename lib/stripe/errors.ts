import Stripe from "stripe";

import { ApiError } from "@/lib/http/api-error";

/**
 * Turns a failure to reach or use Stripe into an answer for our caller: Stripe unreachable is a
 * 502 worth retrying; anything else Stripe refused is reported without its internals.
 */
export function stripeFailure(error: unknown): ApiError {
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError
  ) {
    return new ApiError(
      502,
      "stripe_unavailable",
      "The payment provider is unreachable. Please retry.",
    );
  }
  if (error instanceof Stripe.errors.StripeRateLimitError) {
    return new ApiError(503, "stripe_busy", "The payment provider is busy. Please retry shortly.");
  }
  if (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    error.code === "resource_missing"
  ) {
    return new ApiError(
      404,
      "payment_intent_not_found",
      "Stripe does not know this PaymentIntent.",
    );
  }
  if (error instanceof Stripe.errors.StripeError) {
    return new ApiError(
      502,
      "stripe_error",
      `The payment provider refused the request (${error.code ?? error.type}).`,
    );
  }
  return error instanceof ApiError
    ? error
    : new ApiError(500, "internal_error", "Unexpected failure.");
}

/** Runs a Stripe call, translating its failures; our own errors pass through untouched. */
export async function callStripe<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) throw stripeFailure(error);
    throw error;
  }
}
