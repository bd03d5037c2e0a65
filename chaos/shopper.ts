// A shopper going through the checkout over HTTP, like the pages do, and paying with stripe-node
// the way Stripe.js would (confirm with a test PaymentMethod). Network errors and 5xx answers
// are retried a bounded number of times, as a shopper would press the button again.
import Stripe from "stripe";

import { SEED_PRODUCTS } from "../lib/catalog/seed-catalog";

import { pick, sleep, type Random } from "./util";

export type PaymentKind = "visa" | "declined-then-visa" | "processing";

export interface CheckoutPlan {
  kind: PaymentKind;
  /** Call finalize after paying, as the Payment step does (else only the webhook records it). */
  finalize: boolean;
}

export interface Checkout {
  plan: CheckoutPlan;
  cartId: string;
  paymentIntentId: string;
  amount: number;
  finalizeStatuses: number[];
}

export interface TrafficCounters {
  requests: number;
  retries: number;
  serverErrors: number;
}

/** Where each request goes: one app, or a different one per request behind no balancer. */
export type AppPicker = () => string;

const SHOPPER_DETAILS = {
  email: "chaos@example.com",
  name: "Chaos Monkey",
  address: { line1: "Via Roma 1", city: "Torino", postalCode: "10121", country: "IT" },
};

const MAX_ATTEMPTS = 40;

export function planCheckouts(count: number, random: Random): CheckoutPlan[] {
  return Array.from({ length: count }, () => {
    const roll = random();
    const kind: PaymentKind =
      roll < 0.12 ? "declined-then-visa" : roll < 0.2 ? "processing" : "visa";
    return { kind, finalize: random() < 0.3 };
  });
}

export class Shopper {
  readonly counters: TrafficCounters = { requests: 0, retries: 0, serverErrors: 0 };

  constructor(
    private readonly app: AppPicker,
    private readonly stripe: Stripe,
    private readonly random: Random,
  ) {}

  /** Cart, lines, details, intent and a confirmed payment; finalize if the plan says so. */
  async checkout(plan: CheckoutPlan): Promise<Checkout> {
    const intent = await this.prepare();
    const finalizeStatuses: number[] = [];

    if (plan.kind === "declined-then-visa") {
      await this.confirm(intent.paymentIntentId, "pm_card_chargeDeclined");
      if (plan.finalize)
        finalizeStatuses.push(await this.finalize(intent.cartId, intent.paymentIntentId));
    }
    const method = plan.kind === "processing" ? "pm_card_emulatorProcessing" : "pm_card_visa";
    await this.confirm(intent.paymentIntentId, method);
    if (plan.finalize)
      finalizeStatuses.push(await this.finalize(intent.cartId, intent.paymentIntentId));

    return { plan, ...intent, finalizeStatuses };
  }

  /** Everything up to the Payment step: the cart, its lines and details, and its intent. */
  async prepare(): Promise<{ cartId: string; paymentIntentId: string; amount: number }> {
    const cart = await this.expect<{ id: string }>("POST", "/api/cart", undefined, [201]);
    const lineCount = 1 + Math.floor(this.random() * 3);
    for (let i = 0; i < lineCount; i++) {
      const productId = pick(SEED_PRODUCTS, this.random)[0];
      const quantity = 1 + Math.floor(this.random() * 3);
      await this.expect("POST", `/api/cart/${cart.id}/lines`, { productId, quantity }, [200]);
    }
    await this.expect("PUT", `/api/cart/${cart.id}/details`, SHOPPER_DETAILS, [200]);
    const intent = await this.expect<{ paymentIntentId: string; amount: number }>(
      "POST",
      `/api/payments/${cart.id}/intent`,
      undefined,
      [200],
    );
    return { cartId: cart.id, paymentIntentId: intent.paymentIntentId, amount: intent.amount };
  }

  /** Answers the HTTP status: 200 paid, 202 processing, 402 declined. */
  async finalize(cartId: string, paymentIntentId: string): Promise<number> {
    const { status } = await this.send("POST", `/api/payments/${cartId}/finalize`, {
      paymentIntentId,
    });
    if (![200, 202, 402].includes(status)) {
      throw new Error(`finalize of ${paymentIntentId} answered ${status}`);
    }
    return status;
  }

  private async confirm(paymentIntentId: string, paymentMethod: string): Promise<void> {
    try {
      await this.stripe.paymentIntents.confirm(paymentIntentId, { payment_method: paymentMethod });
    } catch (error) {
      // A decline is the expected answer of the declining card; anything else is a failure.
      if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
    }
  }

  private async expect<T>(
    method: string,
    path: string,
    body: unknown,
    statuses: number[],
  ): Promise<T> {
    const answer = await this.send(method, path, body);
    if (!statuses.includes(answer.status)) {
      throw new Error(
        `${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`,
      );
    }
    return answer.body as T;
  }

  private async send(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: unknown }> {
    let lastProblem = "";
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) {
        this.counters.retries++;
        await sleep(100 + Math.floor(this.random() * 150));
      }
      this.counters.requests++;
      try {
        const response = await fetch(`${this.app()}${path}`, {
          method,
          headers: body === undefined ? {} : { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        if (response.status >= 500) {
          this.counters.serverErrors++;
          lastProblem = `HTTP ${response.status} ${text.slice(0, 200)}`;
          continue;
        }
        return { status: response.status, body: text ? JSON.parse(text) : null };
      } catch (error) {
        lastProblem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
    throw new Error(`${method} ${path} failed ${MAX_ATTEMPTS} times; last: ${lastProblem}`);
  }
}
