import type { AddressInfo } from "node:net";

import { DEFAULT_SETTINGS, EmulatorCore, type EmulatorConfigUpdate } from "./emulator.js";
import type { StripeEvent } from "./objects/event.js";
import type { PaymentIntent } from "./objects/payment-intent.js";
import { createEmulatorServer } from "./server.js";
import type { DeliveryAttempt } from "./webhooks/deliverer.js";

export interface StripeEmulatorOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where events are POSTed, like `stripe listen --forward-to`. Default: nowhere. */
  forwardTo?: string;
  /** Signing secret for Stripe-Signature. Default EMULATOR_WEBHOOK_SECRET. */
  webhookSecret?: string;
  /** How long the emulator-only async card stays `processing`. Default 3000. */
  processingDelayMs?: number;
  /** Wait before each retry of a failed delivery. Default 1 s doubling, capped at 60 s. */
  retryDelaysMs?: number[];
  /** A delivery not answered within this time counts as failed. Default 10000. */
  webhookTimeoutMs?: number;
}

/** A running emulator: its address and the levers the control API also offers. */
export interface StripeEmulator {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly webhookSecret: string;
  stop(): Promise<void>;
  reset(): void;
  hold(): void;
  release(): void;
  deliveries(eventId?: string): DeliveryAttempt[];
  resend(eventId: string, times?: number): Promise<DeliveryAttempt[]>;
  deliverBatch(eventIds: string[]): Promise<DeliveryAttempt[]>;
  setForwardTo(url: string | null): void;
  configure(update: EmulatorConfigUpdate): void;
  completeThreeDSecure(paymentIntentId: string, result: "complete" | "fail"): PaymentIntent;
  /** Every event so far, oldest first. */
  events(): StripeEvent[];
  /** Resolves when no webhook delivery is in flight or waiting for a retry. */
  settled(): Promise<void>;
}

export async function startStripeEmulator(
  options: StripeEmulatorOptions = {},
): Promise<StripeEmulator> {
  const core = new EmulatorCore({
    forwardTo: options.forwardTo ?? DEFAULT_SETTINGS.forwardTo,
    webhookSecret: options.webhookSecret ?? DEFAULT_SETTINGS.webhookSecret,
    processingDelayMs: options.processingDelayMs ?? DEFAULT_SETTINGS.processingDelayMs,
    retryDelaysMs: options.retryDelaysMs ?? DEFAULT_SETTINGS.retryDelaysMs,
    webhookTimeoutMs: options.webhookTimeoutMs ?? DEFAULT_SETTINGS.webhookTimeoutMs,
  });
  const server = createEmulatorServer(core);
  const host = options.host ?? "127.0.0.1";

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    get webhookSecret() {
      return core.deliverer.options.secret;
    },
    async stop() {
      core.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    reset: () => core.reset(),
    hold: () => core.deliverer.hold(),
    release: () => core.deliverer.release(),
    deliveries: (eventId) => core.deliverer.deliveries(eventId),
    resend: (eventId, times = 1) => core.resend(eventId, times),
    deliverBatch: (eventIds) => core.deliverBatch(eventIds),
    setForwardTo: (url) => void core.configure({ forwardTo: url }),
    configure: (update) => void core.configure(update),
    completeThreeDSecure: (id, result) => structuredClone(core.completeThreeDSecure(id, result)),
    events: () => structuredClone(core.events()),
    settled: () => core.deliverer.settled(),
  };
}
