import { authenticationError, invalidRequest } from "../errors.js";
import type { Params } from "../form.js";
import type { EventCause } from "../objects/event.js";
import type { PaymentIntent } from "../objects/payment-intent.js";
import type { EmulatorState } from "../state.js";

export interface ApiKey {
  value: string;
  kind: "secret" | "publishable";
}

export interface RequestContext {
  state: EmulatorState;
  params: Params;
  /** Captures of the route pattern, e.g. the id in `/v1/payment_intents/:id`. */
  ids: string[];
  key: ApiKey;
  cause: EventCause;
  baseUrl: string;
}

export interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  /** Whether Stripe.js may call this with a publishable key (and a client secret). */
  publishable?: boolean;
  handle: (context: RequestContext) => unknown;
}

export function firstId(context: RequestContext): string {
  return context.ids[0] ?? "";
}

/**
 * Publishable keys reach a PaymentIntent only with its client secret, which is how Stripe.js
 * proves it was handed the intent by the server.
 */
export function checkClientSecret(context: RequestContext, intent: PaymentIntent): void {
  if (context.key.kind === "secret") return;

  const secret = context.params.client_secret;
  if (secret === undefined) {
    throw authenticationError(
      "This API call cannot be made with a publishable API key. Please use a secret API key.",
    );
  }
  if (secret !== intent.client_secret) {
    throw invalidRequest(
      "The client_secret provided does not match any associated PaymentIntent on this account.",
      { param: "client_secret" },
    );
  }
}

export function expandList(params: Params): string[] {
  const raw = params.expand;
  if (raw === undefined) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((item): item is string => typeof item === "string");
}
