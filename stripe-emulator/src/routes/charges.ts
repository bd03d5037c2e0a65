import { resourceMissing } from "../errors.js";
import { LIST_PARAMS, paginate } from "../list.js";
import type { Charge } from "../objects/charge.js";
import { allowOnly, optionalString } from "../params.js";
import { newestFirst } from "../state.js";
import { firstId, type RequestContext, type Route } from "./route.js";

function retrieve(context: RequestContext): Charge {
  allowOnly(context.params, ["expand"]);
  const id = firstId(context);
  const charge = context.state.charges.get(id);
  if (!charge) throw resourceMissing("charge", id);
  return charge;
}

function list(context: RequestContext) {
  const { state, params } = context;
  allowOnly(params, [...LIST_PARAMS, "payment_intent", "customer"]);
  const intentId = optionalString(params, "payment_intent");
  const items = newestFirst(state.charges).filter(
    (charge) => intentId === undefined || charge.payment_intent === intentId,
  );
  return paginate(items, params, "/v1/charges", "charge");
}

export const chargeRoutes: Route[] = [
  { method: "GET", pattern: /^\/v1\/charges$/, handle: list },
  { method: "GET", pattern: /^\/v1\/charges\/([^/]+)$/, handle: retrieve },
];
