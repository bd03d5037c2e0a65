import { StripeApiError, invalidRequest, resourceMissing } from "./errors.js";
import { DEFAULT_API_VERSION, EMULATOR_WEBHOOK_SECRET } from "./keys.js";
import type { StripeEvent } from "./objects/event.js";
import type { PaymentIntent } from "./objects/payment-intent.js";
import { finishAuthentication } from "./payments/confirm.js";
import { EmulatorState } from "./state.js";
import { WebhookDeliverer, type DeliveryAttempt } from "./webhooks/deliverer.js";

export interface EmulatorSettings {
  forwardTo: string | null;
  webhookSecret: string;
  processingDelayMs: number;
  retryDelaysMs: number[];
  webhookTimeoutMs: number;
}

export interface EmulatorConfigUpdate {
  forwardTo?: string | null;
  webhookSecret?: string;
  processingDelayMs?: number;
}

/** Stripe retries for days; locally the same doubling is capped at a minute. */
export const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000];

export const DEFAULT_SETTINGS: EmulatorSettings = {
  forwardTo: null,
  webhookSecret: EMULATOR_WEBHOOK_SECRET,
  processingDelayMs: 3000,
  retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
  webhookTimeoutMs: 10_000,
};

/**
 * The emulator without its HTTP face: the stored objects, the webhook deliverer and the
 * operations the control API and the programmatic handle share.
 */
export class EmulatorCore {
  readonly deliverer: WebhookDeliverer;
  readonly state: EmulatorState;

  constructor(settings: EmulatorSettings) {
    this.deliverer = new WebhookDeliverer({
      forwardTo: settings.forwardTo,
      secret: settings.webhookSecret,
      retryDelaysMs: settings.retryDelaysMs,
      timeoutMs: settings.webhookTimeoutMs,
    });
    this.state = new EmulatorState(
      {
        processingDelayMs: settings.processingDelayMs,
        webhookEndpoints: () => this.deliverer.endpointCount,
      },
      (event) => this.deliverer.enqueue(event),
    );
  }

  configure(update: EmulatorConfigUpdate) {
    if (update.forwardTo !== undefined) this.deliverer.options.forwardTo = update.forwardTo;
    if (update.webhookSecret !== undefined) {
      if (!update.webhookSecret.startsWith("whsec_")) {
        throw invalidRequest("webhookSecret must start with whsec_.");
      }
      this.deliverer.options.secret = update.webhookSecret;
    }
    if (update.processingDelayMs !== undefined) {
      if (!(update.processingDelayMs >= 0)) {
        throw invalidRequest("processingDelayMs must be 0 or more.");
      }
      this.state.settings.processingDelayMs = update.processingDelayMs;
    }
    return this.config();
  }

  config() {
    return {
      forwardTo: this.deliverer.options.forwardTo,
      webhookSecret: this.deliverer.options.secret,
      processingDelayMs: this.state.settings.processingDelayMs,
      retryDelaysMs: this.deliverer.options.retryDelaysMs,
    };
  }

  event(id: string): StripeEvent {
    const event = this.state.events.get(id);
    if (!event) throw resourceMissing("event", id);
    return event;
  }

  /** All events, oldest first. */
  events(): StripeEvent[] {
    return [...this.state.events.values()];
  }

  resend(id: string, times = 1): Promise<DeliveryAttempt[]> {
    if (!Number.isInteger(times) || times < 1 || times > 100) {
      throw invalidRequest("times must be an integer from 1 to 100.");
    }
    return this.deliverer.resend(this.event(id), times);
  }

  deliverBatch(ids: string[]): Promise<DeliveryAttempt[]> {
    return this.deliverer.deliverBatch(ids.map((id) => this.event(id)));
  }

  /** What the customer does on the 3-D Secure test page. */
  completeThreeDSecure(intentId: string, result: "complete" | "fail"): PaymentIntent {
    if (result !== "complete" && result !== "fail") {
      throw invalidRequest('result must be "complete" or "fail".');
    }
    const intent = this.state.paymentIntents.get(intentId);
    if (!intent) throw resourceMissing("payment_intent", intentId);

    const methodId = this.state.pendingAuthentication.get(intentId);
    const method = methodId ? this.state.paymentMethods.get(methodId) : undefined;
    if (intent.status !== "requires_action" || !method) {
      throw new StripeApiError(400, {
        type: "invalid_request_error",
        code: "payment_intent_unexpected_state",
        message:
          `PaymentIntent ${intentId} is not waiting for 3-D Secure ` + `(status ${intent.status}).`,
      });
    }
    const cause = { requestId: null, idempotencyKey: null, apiVersion: DEFAULT_API_VERSION };
    return finishAuthentication(this.state, intent, method, result, cause);
  }

  reset(): void {
    this.state.reset();
    this.deliverer.reset();
  }

  stop(): void {
    this.state.cancelTimers();
    this.deliverer.stop();
  }
}
