import { StripeApiError, docUrl } from "../errors.js";
import { newId, nowSeconds } from "../ids.js";
import { newCharge, type ChargeFailure } from "../objects/charge.js";
import type { EventCause } from "../objects/event.js";
import type { PaymentIntent } from "../objects/payment-intent.js";
import type { PaymentMethod } from "../objects/payment-method.js";
import type { EmulatorState } from "../state.js";
import { cardOutcome } from "../test-cards.js";
import { requireCardNumber } from "./payment-methods.js";

export interface ConfirmOptions {
  returnUrl: string | null;
  /** Stripe.js asks for `use_stripe_sdk` so it can run the challenge itself. */
  useStripeSdk: boolean;
  /** Where this emulator is reachable, for the hosted 3-D Secure page. */
  baseUrl: string;
  cause: EventCause;
}

/** Confirms `intent` with `method` and moves it along the lifecycle its test card dictates. */
export function confirmPaymentIntent(
  state: EmulatorState,
  intent: PaymentIntent,
  method: PaymentMethod,
  options: ConfirmOptions,
): PaymentIntent {
  intent.payment_method = method.id;
  intent.last_payment_error = null;
  intent.next_action = null;

  const outcome = cardOutcome(requireCardNumber(state, method));
  switch (outcome.kind) {
    case "succeed":
      settleSuccess(state, intent, method, false, options.cause);
      return intent;
    case "processing":
      startProcessing(state, intent, method, options.cause);
      return intent;
    case "authenticate":
      requireAction(state, intent, method, options);
      return intent;
    case "decline":
      decline(state, intent, method, outcome, options.cause);
  }
}

export function settleSuccess(
  state: EmulatorState,
  intent: PaymentIntent,
  method: PaymentMethod,
  threeDSecure: boolean,
  cause: EventCause,
): void {
  const charge = newCharge(intent, method, "succeeded", null, threeDSecure);
  state.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;
  intent.status = "succeeded";
  intent.amount_received = intent.amount;
  intent.next_action = null;
  state.emit("charge.succeeded", charge, cause);
  state.emit("payment_intent.succeeded", intent, cause);
}

function startProcessing(
  state: EmulatorState,
  intent: PaymentIntent,
  method: PaymentMethod,
  cause: EventCause,
): void {
  const charge = newCharge(intent, method, "pending", null, false);
  state.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;
  intent.status = "processing";
  state.emit("charge.pending", charge, cause);
  state.emit("payment_intent.processing", intent, cause);

  // The bank "answers" later; nobody's request caused it, so the events carry no request.
  const later: EventCause = { requestId: null, idempotencyKey: null, apiVersion: cause.apiVersion };
  state.schedule(() => {
    if (intent.status !== "processing") return;

    charge.status = "succeeded";
    charge.paid = true;
    charge.captured = true;
    charge.amount_captured = charge.amount;
    charge.balance_transaction = newId("txn");
    intent.status = "succeeded";
    intent.amount_received = intent.amount;
    state.emit("charge.succeeded", charge, later);
    state.emit("payment_intent.succeeded", intent, later);
  }, state.settings.processingDelayMs);
}

function requireAction(
  state: EmulatorState,
  intent: PaymentIntent,
  method: PaymentMethod,
  options: ConfirmOptions,
): void {
  const challengeUrl = `${options.baseUrl}/_emulator/three_d_secure/${intent.id}`;
  intent.status = "requires_action";
  intent.next_action =
    options.returnUrl && !options.useStripeSdk
      ? {
          type: "redirect_to_url",
          redirect_to_url: {
            url: `${challengeUrl}?return_url=${encodeURIComponent(options.returnUrl)}`,
            return_url: options.returnUrl,
          },
        }
      : {
          type: "use_stripe_sdk",
          use_stripe_sdk: {
            type: "three_d_secure_redirect",
            stripe_js: challengeUrl,
            source: newId("src"),
          },
        };
  state.pendingAuthentication.set(intent.id, method.id);
  state.emit("payment_intent.requires_action", intent, options.cause);
}

function decline(
  state: EmulatorState,
  intent: PaymentIntent,
  method: PaymentMethod,
  failure: { code: string; declineCode: string; message: string },
  cause: EventCause,
): never {
  const chargeFailure: ChargeFailure = failure;
  const charge = newCharge(intent, method, "failed", chargeFailure, false);
  state.charges.set(charge.id, charge);

  const error = {
    charge: charge.id,
    code: failure.code,
    decline_code: failure.declineCode,
    doc_url: docUrl(failure.code),
    message: failure.message,
    payment_method: structuredClone(method),
    type: "card_error" as const,
  };
  intent.latest_charge = charge.id;
  intent.status = "requires_payment_method";
  intent.payment_method = null;
  intent.last_payment_error = error;
  state.emit("charge.failed", charge, cause);
  state.emit("payment_intent.payment_failed", intent, cause);

  throw new StripeApiError(402, { ...error, payment_intent: structuredClone(intent) });
}

/** Answers the 3-D Secure challenge of an intent in `requires_action`. */
export function finishAuthentication(
  state: EmulatorState,
  intent: PaymentIntent,
  method: PaymentMethod,
  result: "complete" | "fail",
  cause: EventCause,
): PaymentIntent {
  state.pendingAuthentication.delete(intent.id);
  if (result === "complete") {
    settleSuccess(state, intent, method, true, cause);
    return intent;
  }

  intent.status = "requires_payment_method";
  intent.next_action = null;
  intent.payment_method = null;
  intent.last_payment_error = {
    code: "payment_intent_authentication_failure",
    doc_url: docUrl("payment_intent_authentication_failure"),
    message:
      "We are unable to authenticate your payment method. " +
      "Please choose a different payment method and try again.",
    payment_method: structuredClone(method),
    type: "invalid_request_error",
  };
  state.emit("payment_intent.payment_failed", intent, cause);
  return intent;
}

export function cancelPaymentIntent(
  state: EmulatorState,
  intent: PaymentIntent,
  reason: string | null,
  cause: EventCause,
): PaymentIntent {
  state.pendingAuthentication.delete(intent.id);
  intent.status = "canceled";
  intent.canceled_at = nowSeconds();
  intent.cancellation_reason = reason;
  intent.next_action = null;
  state.emit("payment_intent.canceled", intent, cause);
  return intent;
}
