import { newId, nowSeconds } from "../ids.js";

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string | null;
  created: number;
  data: { object: Record<string, unknown>; previous_attributes?: Record<string, unknown> };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
}

/** Who caused an event: an API request, or the emulator itself (timers, 3-D Secure). */
export interface EventCause {
  requestId: string | null;
  idempotencyKey: string | null;
  apiVersion: string;
}

export function newEvent(
  type: string,
  object: { id: string },
  cause: EventCause,
  pendingWebhooks: number,
): StripeEvent {
  return {
    id: newId("evt"),
    object: "event",
    api_version: cause.apiVersion,
    created: nowSeconds(),
    // A deep copy, so later changes to the object do not rewrite history.
    data: { object: structuredClone(object) as unknown as Record<string, unknown> },
    livemode: false,
    pending_webhooks: pendingWebhooks,
    request: { id: cause.requestId, idempotency_key: cause.idempotencyKey },
    type,
  };
}
