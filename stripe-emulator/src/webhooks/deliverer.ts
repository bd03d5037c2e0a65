import type { StripeEvent } from "../objects/event.js";
import { signatureHeader } from "./signature.js";

export type DeliveryTrigger = "automatic" | "retry" | "release" | "resend" | "batch";

/** One POST of one event to the forward URL, as the delivery log records it. */
export interface DeliveryAttempt {
  eventId: string;
  eventType: string;
  attempt: number;
  trigger: DeliveryTrigger;
  url: string;
  status: number | null;
  ok: boolean;
  durationMs: number;
  error: string | null;
  at: string;
}

const AUTOMATIC: readonly DeliveryTrigger[] = ["automatic", "retry", "release"];

export interface DelivererOptions {
  forwardTo: string | null;
  secret: string;
  retryDelaysMs: number[];
  timeoutMs: number;
}

/**
 * Sends events to the forward URL like `stripe listen --forward-to` would, plus the retries Stripe
 * makes. Each object's events are first attempted one at a time in creation order; a failed
 * attempt is retried on its own schedule, so — as with Stripe — a retry may land after later
 * events of the same object.
 */
export class WebhookDeliverer {
  private held = false;
  private heldEvents: StripeEvent[] = [];
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private log: DeliveryAttempt[] = [];
  // Work started before a reset must not write into the log of the next run.
  private generation = 0;

  constructor(readonly options: DelivererOptions) {}

  get endpointCount(): number {
    return this.options.forwardTo ? 1 : 0;
  }

  enqueue(event: StripeEvent): void {
    if (!this.options.forwardTo) return;
    if (this.held) {
      this.heldEvents.push(event);
      return;
    }
    this.sendInOrder(event, "automatic");
  }

  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    const events = this.heldEvents;
    this.heldEvents = [];
    for (const event of events) this.sendInOrder(event, "release");
  }

  heldEventIds(): string[] {
    return this.heldEvents.map((event) => event.id);
  }

  /** Sends `event` `times` times in a row, one attempt each: duplicates on purpose. */
  async resend(event: StripeEvent, times: number): Promise<DeliveryAttempt[]> {
    const attempts: DeliveryAttempt[] = [];
    for (let i = 0; i < times; i++) attempts.push(await this.track(this.post(event, "resend")));
    return attempts;
  }

  /**
   * Sends events one after another in exactly the given order (one attempt each), taking them
   * out of the held queue so that a later release does not send them again.
   */
  async deliverBatch(events: StripeEvent[]): Promise<DeliveryAttempt[]> {
    const ids = new Set(events.map((event) => event.id));
    this.heldEvents = this.heldEvents.filter((event) => !ids.has(event.id));
    const attempts: DeliveryAttempt[] = [];
    for (const event of events) attempts.push(await this.track(this.post(event, "batch")));
    return attempts;
  }

  deliveries(eventId?: string): DeliveryAttempt[] {
    return this.log.filter((entry) => !eventId || entry.eventId === eventId);
  }

  /** Resolves once nothing is being sent and no retry is waiting. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0 || this.retryTimers.size > 0) {
      await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 20))]);
    }
  }

  reset(): void {
    this.stop();
    this.generation++;
    this.held = false;
    this.heldEvents = [];
    this.chains.clear();
    this.log = [];
  }

  stop(): void {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
  }

  private sendInOrder(event: StripeEvent, trigger: DeliveryTrigger): void {
    const objectId = String(event.data.object.id ?? event.id);
    const previous = this.chains.get(objectId) ?? Promise.resolve();
    const next = previous.then(() => this.deliverWithRetries(event, trigger));
    this.chains.set(objectId, next);
    void this.track(next).finally(() => {
      if (this.chains.get(objectId) === next) this.chains.delete(objectId);
    });
  }

  private async deliverWithRetries(event: StripeEvent, trigger: DeliveryTrigger): Promise<void> {
    const generation = this.generation;
    const attempt = await this.post(event, trigger);
    if (attempt.ok || generation !== this.generation) return;

    // Only the automatic sends count towards the retry schedule; manual ones are extra.
    const failures = this.log.filter(
      (entry) => entry.eventId === event.id && !entry.ok && AUTOMATIC.includes(entry.trigger),
    );
    const delay = this.options.retryDelaysMs[failures.length - 1];
    if (delay === undefined) return;

    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      void this.track(this.deliverWithRetries(event, "retry"));
    }, delay);
    this.retryTimers.add(timer);
  }

  private async post(event: StripeEvent, trigger: DeliveryTrigger): Promise<DeliveryAttempt> {
    const generation = this.generation;
    const url = this.options.forwardTo;
    const payload = JSON.stringify(event, null, 2);
    const started = performance.now();
    const base = {
      eventId: event.id,
      eventType: event.type,
      attempt: this.log.filter((entry) => entry.eventId === event.id).length + 1,
      trigger,
      url: url ?? "",
      at: new Date().toISOString(),
    };

    let result: Pick<DeliveryAttempt, "status" | "ok" | "error">;
    if (!url) {
      result = { status: null, ok: false, error: "no forward URL is configured" };
    } else {
      result = await this.send(url, payload);
    }

    const attempt: DeliveryAttempt = {
      ...base,
      ...result,
      durationMs: Math.round(performance.now() - started),
    };
    if (generation !== this.generation) return attempt;

    this.log.push(attempt);
    if (attempt.ok) event.pending_webhooks = 0;
    return attempt;
  }

  private async send(url: string, payload: string) {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": signatureHeader(payload, this.options.secret, timestamp),
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body: payload,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      // The body is drained so the connection can be reused; Stripe ignores its content.
      await response.arrayBuffer().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { status: response.status, ok, error: ok ? null : `HTTP ${response.status}` };
    } catch (error) {
      const message = error instanceof Error ? describeFetchError(error) : String(error);
      return { status: null, ok: false, error: message };
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }
}

function describeFetchError(error: Error): string {
  if (error.name === "TimeoutError") return "timed out";
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}
