import { resourceMissing } from "../errors.js";
import { LIST_PARAMS, paginate } from "../list.js";
import type { StripeEvent } from "../objects/event.js";
import { allowOnly, optionalString, optionalStringList } from "../params.js";
import { newestFirst } from "../state.js";
import { firstId, type RequestContext, type Route } from "./route.js";

/** Stripe's event type filters accept a trailing wildcard, as in `payment_intent.*`. */
function typeMatcher(pattern: string): (type: string) => boolean {
  if (!pattern.includes("*")) return (type) => type === pattern;
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  const regex = new RegExp(`^${escaped}$`);
  return (type) => regex.test(type);
}

function retrieve(context: RequestContext): StripeEvent {
  allowOnly(context.params, ["expand"]);
  const id = firstId(context);
  const event = context.state.events.get(id);
  if (!event) throw resourceMissing("event", id);
  return event;
}

function list(context: RequestContext) {
  const { state, params } = context;
  allowOnly(params, [...LIST_PARAMS, "type", "types", "delivery_success"]);
  const patterns = [
    ...(optionalStringList(params, "types") ?? []),
    ...[optionalString(params, "type")].filter((type): type is string => Boolean(type)),
  ];
  const matchers = patterns.map(typeMatcher);
  const items = newestFirst(state.events).filter(
    (event) => matchers.length === 0 || matchers.some((matches) => matches(event.type)),
  );
  return paginate(items, params, "/v1/events", "event");
}

export const eventRoutes: Route[] = [
  { method: "GET", pattern: /^\/v1\/events$/, handle: list },
  { method: "GET", pattern: /^\/v1\/events\/([^/]+)$/, handle: retrieve },
];
