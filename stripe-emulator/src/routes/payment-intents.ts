import { invalidRequest, missingParam, resourceMissing, unexpectedState } from "../errors.js";
import type { Params } from "../form.js";
import { LIST_PARAMS, paginate, readLimit } from "../list.js";
import {
  newPaymentIntent,
  type PaymentIntent,
  type PaymentIntentStatus,
} from "../objects/payment-intent.js";
import {
  allowOnly,
  mergeMetadata,
  nullableString,
  optionalBoolean,
  optionalHash,
  optionalInteger,
  optionalString,
  optionalStringList,
  requiredString,
} from "../params.js";
import { cancelPaymentIntent, confirmPaymentIntent } from "../payments/confirm.js";
import { resolvePaymentMethod } from "../payments/payment-methods.js";
import { matchesQuery, parseSearchQuery, searchPage } from "../search.js";
import { newestFirst, type EmulatorState } from "../state.js";
import { checkClientSecret, firstId, type RequestContext, type Route } from "./route.js";

const EDITABLE = [
  "allowed_payment_method_types",
  "amount",
  "currency",
  "customer",
  "description",
  "metadata",
  "payment_method",
  "payment_method_types",
  "receipt_email",
  "setup_future_usage",
  "shipping",
  "statement_descriptor",
  "statement_descriptor_suffix",
  "transfer_group",
];
const CREATE_PARAMS = [
  ...EDITABLE,
  "automatic_payment_methods",
  "capture_method",
  "confirm",
  "confirmation_method",
  "return_url",
  "use_stripe_sdk",
  "expand",
];
const CONFIRM_PARAMS = [
  "payment_method",
  "receipt_email",
  "return_url",
  "use_stripe_sdk",
  "client_secret",
  "expand",
];
/** What may still change once money has moved (or the intent is canceled). */
const ALWAYS_EDITABLE = ["description", "metadata", "receipt_email", "expand"];
const CONFIRMABLE: PaymentIntentStatus[] = [
  "requires_payment_method",
  "requires_confirmation",
  "requires_action",
];
const CANCELABLE = CONFIRMABLE;
const CANCELLATION_REASONS = ["duplicate", "fraudulent", "requested_by_customer", "abandoned"];
const SEARCH_FIELDS = ["amount", "created", "currency", "customer", "metadata", "status"];
// Stripe's minimum charge is about 50 cents; zero-decimal currencies are not modelled.
const MINIMUM_AMOUNT = 50;

function find(state: EmulatorState, id: string): PaymentIntent {
  const intent = state.paymentIntents.get(id);
  if (!intent) throw resourceMissing("payment_intent", id);
  return intent;
}

function readAmount(params: Params, currency: string): number | undefined {
  const amount = optionalInteger(params, "amount");
  if (amount === undefined) return undefined;
  if (amount < MINIMUM_AMOUNT) {
    throw invalidRequest(`Amount must be at least 0.50 ${currency}`, {
      code: "amount_too_small",
      param: "amount",
    });
  }
  if (amount > 99_999_999) {
    throw invalidRequest("Amount must be no more than 999,999.99", {
      code: "amount_too_large",
      param: "amount",
    });
  }
  return amount;
}

function readCurrency(params: Params): string | undefined {
  const currency = optionalString(params, "currency");
  if (currency === undefined) return undefined;
  if (!/^[a-zA-Z]{3}$/.test(currency)) {
    throw invalidRequest(`Invalid currency: ${currency}.`, { param: "currency" });
  }
  return currency.toLowerCase();
}

// stripe-node 23 names the list `allowed_payment_method_types`; older versions send
// `payment_method_types`. Both mean the same here.
function readPaymentMethodTypes(params: Params): string[] | undefined {
  const param = params.allowed_payment_method_types
    ? "allowed_payment_method_types"
    : "payment_method_types";
  const types = optionalStringList(params, param);
  const unsupported = types?.find((type) => type !== "card");
  if (unsupported) {
    throw invalidRequest(
      `The payment method type "${unsupported}" is not supported by the Stripe emulator.`,
      { code: "payment_intent_invalid_parameter", param },
    );
  }
  return types;
}

/** Copies the plainly stored fields from `params`, Stripe-style: "" unsets a field. */
function applyEditable(state: EmulatorState, intent: PaymentIntent, params: Params): void {
  intent.metadata = mergeMetadata(intent.metadata, params);
  const text = (key: string) => nullableString(params, key);
  const description = text("description");
  if (description !== undefined) intent.description = description;
  const email = text("receipt_email");
  if (email !== undefined) intent.receipt_email = email;
  const customer = text("customer");
  if (customer !== undefined) intent.customer = customer;
  const descriptor = text("statement_descriptor");
  if (descriptor !== undefined) intent.statement_descriptor = descriptor;
  const suffix = text("statement_descriptor_suffix");
  if (suffix !== undefined) intent.statement_descriptor_suffix = suffix;
  const group = text("transfer_group");
  if (group !== undefined) intent.transfer_group = group;
  const future = text("setup_future_usage");
  if (future !== undefined) intent.setup_future_usage = future;
  if (params.shipping !== undefined) intent.shipping = optionalHash(params, "shipping") ?? null;

  const types = readPaymentMethodTypes(params);
  if (types) {
    intent.payment_method_types = types;
    intent.allowed_payment_method_types = types;
  }
  const methodId = text("payment_method");
  if (methodId === null) intent.payment_method = null;
  if (methodId) {
    intent.payment_method = resolvePaymentMethod(state, methodId).id;
    if (intent.status === "requires_payment_method") intent.status = "requires_confirmation";
  }
}

function create(context: RequestContext): PaymentIntent {
  const { state, params } = context;
  allowOnly(params, CREATE_PARAMS);

  const currency = readCurrency(params);
  if (optionalString(params, "amount") === undefined) throw missingParam("amount");
  if (currency === undefined) throw missingParam("currency");
  const amount = readAmount(params, currency) as number;
  const captureMethod = optionalString(params, "capture_method");
  if (captureMethod === "manual") {
    throw invalidRequest("capture_method=manual is not supported by the Stripe emulator.", {
      param: "capture_method",
    });
  }

  const automatic = optionalHash(params, "automatic_payment_methods");
  const types = readPaymentMethodTypes(params);
  if (automatic && types) {
    throw invalidRequest(
      "You may only specify one of these parameters: automatic_payment_methods, " +
        "allowed_payment_method_types.",
      { param: "automatic_payment_methods" },
    );
  }
  const automaticEnabled = automatic
    ? optionalBoolean(automatic, "enabled") === true
    : types === undefined;

  const intent = newPaymentIntent({
    amount,
    currency,
    automaticPaymentMethods: automaticEnabled,
    paymentMethodTypes: types ?? ["card"],
  });
  applyEditable(state, intent, params);
  const confirm = optionalBoolean(params, "confirm") === true;
  if (!confirm && params.return_url !== undefined) {
    throw invalidRequest("return_url can only be passed when confirm=true.", {
      param: "return_url",
    });
  }

  state.paymentIntents.set(intent.id, intent);
  state.emit("payment_intent.created", intent, context.cause);
  if (!confirm) return intent;

  return confirmIntent(context, intent);
}

function retrieve(context: RequestContext): PaymentIntent {
  allowOnly(context.params, ["client_secret", "expand"]);
  const intent = find(context.state, firstId(context));
  checkClientSecret(context, intent);
  return intent;
}

function update(context: RequestContext): PaymentIntent {
  const { state, params } = context;
  allowOnly(params, [...EDITABLE, "expand"]);
  const intent = find(state, firstId(context));

  const locked = !CONFIRMABLE.includes(intent.status);
  const blocked = Object.keys(params).find((key) => !ALWAYS_EDITABLE.includes(key));
  if (locked && blocked) {
    throw unexpectedState(
      `This PaymentIntent's ${blocked} could not be updated because it has a status of ` +
        `${intent.status}. You may only update the ${blocked} of a PaymentIntent with one of ` +
        `the following statuses: ${CONFIRMABLE.join(", ")}.`,
      blocked,
    );
  }

  const currency = readCurrency(params);
  const amount = readAmount(params, currency ?? intent.currency);
  if (currency !== undefined) intent.currency = currency;
  if (amount !== undefined) intent.amount = amount;
  applyEditable(state, intent, params);
  return intent;
}

function confirm(context: RequestContext): PaymentIntent {
  allowOnly(context.params, CONFIRM_PARAMS);
  const intent = find(context.state, firstId(context));
  checkClientSecret(context, intent);
  return confirmIntent(context, intent);
}

function confirmIntent(context: RequestContext, intent: PaymentIntent): PaymentIntent {
  const { state, params } = context;
  if (!CONFIRMABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}. ` +
        `Only a PaymentIntent with one of the following statuses may be confirmed: ` +
        `${CONFIRMABLE.join(", ")}.`,
    );
  }

  const email = nullableString(params, "receipt_email");
  if (email !== undefined) intent.receipt_email = email;
  const methodId = optionalString(params, "payment_method") || intent.payment_method;
  if (typeof methodId !== "string") {
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. " +
        "Update the PaymentIntent with a payment_method, or pass one to confirm.",
      { code: "payment_intent_unexpected_state", param: "payment_method" },
    );
  }

  const method = resolvePaymentMethod(state, methodId);
  return confirmPaymentIntent(state, intent, method, {
    returnUrl: optionalString(params, "return_url") ?? null,
    useStripeSdk: optionalBoolean(params, "use_stripe_sdk") === true,
    baseUrl: context.baseUrl,
    cause: context.cause,
  });
}

function cancel(context: RequestContext): PaymentIntent {
  const { state, params } = context;
  allowOnly(params, ["cancellation_reason", "expand"]);
  const intent = find(state, firstId(context));
  const reason = optionalString(params, "cancellation_reason") ?? null;
  if (reason !== null && !CANCELLATION_REASONS.includes(reason)) {
    throw invalidRequest(`Invalid cancellation_reason: must be one of ${CANCELLATION_REASONS}`, {
      param: "cancellation_reason",
    });
  }
  if (!CANCELABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. ` +
        `Only a PaymentIntent with one of the following statuses may be canceled: ` +
        `${CANCELABLE.join(", ")}.`,
    );
  }
  return cancelPaymentIntent(state, intent, reason, context.cause);
}

function list(context: RequestContext) {
  const { state, params } = context;
  allowOnly(params, [...LIST_PARAMS, "customer"]);
  const customer = optionalString(params, "customer");
  const items = newestFirst(state.paymentIntents).filter(
    (intent) => customer === undefined || intent.customer === customer,
  );
  return paginate(items, params, "/v1/payment_intents", "payment_intent");
}

function search(context: RequestContext) {
  const { state, params } = context;
  allowOnly(params, ["query", "limit", "page", "expand"]);
  const query = parseSearchQuery(requiredString(params, "query"), SEARCH_FIELDS);
  const matches = newestFirst(state.paymentIntents).filter((intent) =>
    matchesQuery(intent as unknown as Record<string, unknown>, query),
  );
  const page = optionalString(params, "page");
  return searchPage(matches, readLimit(params), page, "/v1/payment_intents/search");
}

const ID = "([^/]+)";

export const paymentIntentRoutes: Route[] = [
  { method: "POST", pattern: /^\/v1\/payment_intents$/, handle: create },
  { method: "GET", pattern: /^\/v1\/payment_intents$/, handle: list },
  { method: "GET", pattern: /^\/v1\/payment_intents\/search$/, handle: search },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/payment_intents/${ID}$`),
    publishable: true,
    handle: retrieve,
  },
  { method: "POST", pattern: new RegExp(`^/v1/payment_intents/${ID}$`), handle: update },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/payment_intents/${ID}/confirm$`),
    publishable: true,
    handle: confirm,
  },
  { method: "POST", pattern: new RegExp(`^/v1/payment_intents/${ID}/cancel$`), handle: cancel },
];
