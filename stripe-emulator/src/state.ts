import type { Charge } from "./objects/charge.js";
import { newEvent, type EventCause, type StripeEvent } from "./objects/event.js";
import type { PaymentIntent } from "./objects/payment-intent.js";
import type { PaymentMethod } from "./objects/payment-method.js";
import type { Refund } from "./objects/refund.js";

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: string;
}

export interface Settings {
  processingDelayMs: number;
  /** How many endpoints will receive an event, for `pending_webhooks`. */
  webhookEndpoints: () => number;
}

/** Everything the emulator remembers. One instance per running emulator; `reset()` empties it. */
export class EmulatorState {
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly paymentMethods = new Map<string, PaymentMethod>();
  readonly events = new Map<string, StripeEvent>();
  readonly idempotentResponses = new Map<string, StoredResponse>();
  /** Card numbers never leave the server in Stripe's objects, so they are kept beside them. */
  readonly cardNumbers = new Map<string, string>();
  /** The PaymentMethod a PaymentIntent in `requires_action` is waiting to authenticate. */
  readonly pendingAuthentication = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly settings: Settings,
    private readonly onEvent: (event: StripeEvent) => void,
  ) {}

  emit(type: string, object: { id: string }, cause: EventCause): StripeEvent {
    const event = newEvent(type, object, cause, this.settings.webhookEndpoints());
    this.events.set(event.id, event);
    this.onEvent(event);
    return event;
  }

  /** Runs `task` later unless the emulator is reset or stopped first. */
  schedule(task: () => void, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, delayMs);
    this.timers.add(timer);
  }

  cancelTimers(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  reset(): void {
    this.cancelTimers();
    for (const map of [
      this.paymentIntents,
      this.charges,
      this.refunds,
      this.paymentMethods,
      this.events,
      this.idempotentResponses,
      this.cardNumbers,
      this.pendingAuthentication,
    ]) {
      map.clear();
    }
  }
}

/** Maps keep insertion order; Stripe lists newest first. */
export function newestFirst<T>(map: Map<string, T>): T[] {
  return [...map.values()].reverse();
}
