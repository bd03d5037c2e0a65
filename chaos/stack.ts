// Everything one scenario runs against: its own database (cloned from the template), a Stripe
// emulator in this process, one or more `next start` processes of the production build and,
// for several apps, a round-robin proxy in front of them for the webhooks.
import path from "node:path";

import type Stripe from "stripe";

import { freePort } from "../lib/db/embedded-postgres";
import {
  EMULATOR_PUBLIC_KEY,
  EMULATOR_SECRET_KEY,
  startStripeEmulator,
  stripeClientFor,
  type StripeEmulator,
} from "../stripe-emulator/src/index";

import { AppServer } from "./app-server";
import type { ChaosDatabase } from "./database";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";
import { Shopper, type AppPicker } from "./shopper";
import { mapConcurrent, seededRandom, type Random } from "./util";

export interface Suite {
  root: string;
  logDir: string;
  database: ChaosDatabase;
  seed: number;
}

export interface StackOptions {
  name: string;
  apps: number;
  processingDelayMs?: number;
  retryDelaysMs?: number[];
}

/** Short retries, Stripe's schedule in miniature: about 11 s from the first failure to the last. */
export const FAST_RETRIES_MS = [200, 400, 800, 1600, 3200, 5000];

export class ScenarioStack {
  readonly random: Random;

  private constructor(
    readonly databaseUrl: string,
    readonly emulator: StripeEmulator,
    readonly stripe: Stripe,
    readonly apps: AppServer[],
    readonly proxy: RoundRobinProxy | null,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  static async start(suite: Suite, options: StackOptions): Promise<ScenarioStack> {
    const databaseUrl = await suite.database.createScenarioDatabase(`chaos_${options.name}`);
    const ports = await Promise.all(Array.from({ length: options.apps }, () => freePort()));
    const appUrls = ports.map((port) => `http://127.0.0.1:${port}`);

    const parts: { emulator?: StripeEmulator; proxy?: RoundRobinProxy; apps: AppServer[] } = {
      apps: [],
    };
    try {
      parts.proxy = options.apps > 1 ? await startRoundRobinProxy(appUrls) : undefined;
      const webhookBase = parts.proxy?.url ?? appUrls[0]!;
      parts.emulator = await startStripeEmulator({
        forwardTo: `${webhookBase}/api/payments/webhook`,
        processingDelayMs: options.processingDelayMs ?? 400,
        retryDelaysMs: options.retryDelaysMs ?? FAST_RETRIES_MS,
      });
      const env = {
        DATABASE_URL: databaseUrl,
        STRIPE_SECRET_KEY: EMULATOR_SECRET_KEY,
        STRIPE_PUBLIC_KEY: EMULATOR_PUBLIC_KEY,
        STRIPE_WEBHOOK_SECRET: parts.emulator.webhookSecret,
        STRIPE_MODE: "test",
        STRIPE_CURRENCY: "eur",
        STRIPE_API_BASE: parts.emulator.url,
        LOG_LEVEL: "warn",
      };
      for (const port of ports) {
        const logFile = path.join(suite.logDir, `${options.name}-app-${port}.log`);
        parts.apps.push(new AppServer({ root: suite.root, port, env, logFile }));
      }
      await Promise.all(parts.apps.map((app) => app.start()));

      const stripe = stripeClientFor(parts.emulator.url);
      const seed = suite.seed + options.name.length * 7919;
      return new ScenarioStack(
        databaseUrl,
        parts.emulator,
        stripe,
        parts.apps,
        parts.proxy ?? null,
        seed,
      );
    } catch (error) {
      await closeParts(parts.apps, parts.emulator, parts.proxy);
      throw error;
    }
  }

  /** A shopper talking to one app, or to a different app on every request (no affinity). */
  shopper(app?: AppServer): Shopper {
    let turn = 0;
    const picker: AppPicker = app ? () => app.url : () => this.apps[turn++ % this.apps.length]!.url;
    return new Shopper(picker, this.stripe, this.random);
  }

  /** Waits until no intent of `ids` is still `processing` at Stripe (bounded). */
  async intentsSettled(ids: string[], timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let pending = ids;
    while (pending.length > 0) {
      if (Date.now() > deadline) throw new Error(`${pending.length} intents still processing`);
      const intents = await mapConcurrent(pending, 16, (id) =>
        this.stripe.paymentIntents.retrieve(id),
      );
      pending = intents
        .filter((intent) => intent.status === "processing")
        .map((intent) => intent.id);
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Events of one PaymentIntent, its charges' included. */
  eventsOf(paymentIntentId: string) {
    return this.emulator.events().filter((event) => {
      const object = event.data.object as { id?: string; payment_intent?: string };
      return object.id === paymentIntentId || object.payment_intent === paymentIntentId;
    });
  }

  async close(): Promise<void> {
    await closeParts(this.apps, this.emulator, this.proxy ?? undefined);
  }
}

async function closeParts(apps: AppServer[], emulator?: StripeEmulator, proxy?: RoundRobinProxy) {
  await Promise.allSettled(apps.map((app) => app.close()));
  await emulator?.stop();
  await proxy?.close();
}
