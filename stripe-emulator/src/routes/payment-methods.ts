import { invalidRequest, missingParam } from "../errors.js";
import type { PaymentMethod } from "../objects/payment-method.js";
import {
  allowOnly,
  mergeMetadata,
  optionalHash,
  optionalInteger,
  optionalString,
} from "../params.js";
import {
  billingDetailsFrom,
  createCardPaymentMethod,
  resolvePaymentMethod,
} from "../payments/payment-methods.js";
import { firstId, type RequestContext, type Route } from "./route.js";

function create(context: RequestContext): PaymentMethod {
  const { state, params } = context;
  allowOnly(params, ["type", "card", "billing_details", "metadata", "expand"]);
  const type = optionalString(params, "type");
  if (type === undefined) throw missingParam("type");
  if (type !== "card") {
    throw invalidRequest(`The Stripe emulator only supports PaymentMethods of type card.`, {
      param: "type",
    });
  }

  const card = optionalHash(params, "card");
  if (!card) throw missingParam("card");
  const number = (optionalString(card, "number") ?? "").replace(/\s/g, "");
  if (number === "") throw missingParam("card[number]");
  const expMonth = optionalInteger(card, "exp_month");
  if (expMonth === undefined) throw missingParam("card[exp_month]");
  const expYear = optionalInteger(card, "exp_year");
  if (expYear === undefined) throw missingParam("card[exp_year]");

  return createCardPaymentMethod(
    state,
    { number, expMonth, expYear, cvc: optionalString(card, "cvc") },
    billingDetailsFrom(optionalHash(params, "billing_details")),
    mergeMetadata({}, params),
  );
}

function retrieve(context: RequestContext): PaymentMethod {
  allowOnly(context.params, ["expand"]);
  return resolvePaymentMethod(context.state, firstId(context), "id");
}

export const paymentMethodRoutes: Route[] = [
  { method: "POST", pattern: /^\/v1\/payment_methods$/, publishable: true, handle: create },
  { method: "GET", pattern: /^\/v1\/payment_methods\/([^/]+)$/, handle: retrieve },
];
