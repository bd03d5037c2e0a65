import { invalidRequest, resourceMissing } from "../errors.js";
import { LIST_PARAMS, paginate } from "../list.js";
import type { Charge } from "../objects/charge.js";
import type { Refund } from "../objects/refund.js";
import { allowOnly, mergeMetadata, optionalInteger, optionalString } from "../params.js";
import { refundCharge } from "../payments/refund.js";
import { newestFirst, type EmulatorState } from "../state.js";
import { firstId, type RequestContext, type Route } from "./route.js";

const REASONS = ["duplicate", "fraudulent", "requested_by_customer"];

function chargeToRefund(state: EmulatorState, chargeId?: string, intentId?: string): Charge {
  if (chargeId) {
    const charge = state.charges.get(chargeId);
    if (!charge) throw resourceMissing("charge", chargeId, "charge");
    return charge;
  }
  if (!intentId) {
    throw invalidRequest(
      "One of the following params should be provided for this request: " +
        "payment_intent or charge.",
    );
  }

  const intent = state.paymentIntents.get(intentId);
  if (!intent) throw resourceMissing("payment_intent", intentId, "payment_intent");
  const charge =
    typeof intent.latest_charge === "string" ? state.charges.get(intent.latest_charge) : undefined;
  if (intent.status !== "succeeded" || !charge) {
    throw invalidRequest(
      `This PaymentIntent (${intentId}) does not have a successful charge to refund.`,
      { code: "charge_not_refundable", param: "payment_intent" },
    );
  }
  return charge;
}

function create(context: RequestContext): Refund {
  const { state, params } = context;
  allowOnly(params, ["payment_intent", "charge", "amount", "reason", "metadata", "expand"]);
  const reason = optionalString(params, "reason") ?? null;
  if (reason !== null && !REASONS.includes(reason)) {
    throw invalidRequest(`Invalid reason: must be one of ${REASONS.join(", ")}`, {
      param: "reason",
    });
  }

  const charge = chargeToRefund(
    state,
    optionalString(params, "charge"),
    optionalString(params, "payment_intent"),
  );
  return refundCharge(
    state,
    {
      charge,
      amount: optionalInteger(params, "amount"),
      reason,
      metadata: mergeMetadata({}, params),
    },
    context.cause,
  );
}

function retrieve(context: RequestContext): Refund {
  allowOnly(context.params, ["expand"]);
  const id = firstId(context);
  const refund = context.state.refunds.get(id);
  if (!refund) throw resourceMissing("refund", id);
  return refund;
}

function list(context: RequestContext) {
  const { state, params } = context;
  allowOnly(params, [...LIST_PARAMS, "payment_intent", "charge"]);
  const intentId = optionalString(params, "payment_intent");
  const chargeId = optionalString(params, "charge");
  const items = newestFirst(state.refunds).filter(
    (refund) =>
      (intentId === undefined || refund.payment_intent === intentId) &&
      (chargeId === undefined || refund.charge === chargeId),
  );
  return paginate(items, params, "/v1/refunds", "refund");
}

export const refundRoutes: Route[] = [
  { method: "POST", pattern: /^\/v1\/refunds$/, handle: create },
  { method: "GET", pattern: /^\/v1\/refunds$/, handle: list },
  { method: "GET", pattern: /^\/v1\/refunds\/([^/]+)$/, handle: retrieve },
];
