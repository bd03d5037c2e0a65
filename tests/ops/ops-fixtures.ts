// What the ops tests share: running a command in-process with captured output, running the real
// CLI as a child process, and carts paid on the emulator through the app's own routes.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Stripe from "stripe";

import * as finalizeRoute from "@/app/api/payments/[cartId]/finalize/route";
import * as intentRoute from "@/app/api/payments/[cartId]/intent/route";
import { runOps, type RunOptions } from "@/ops/run";

import { callRoute } from "../helpers/call-route";
import { cartReadyToPay, type PaymentsHarness } from "../helpers/payments-harness";
import type { TestDatabase } from "../helpers/test-database";

export interface OpsRun {
  code: number;
  stdout: string;
  stderr: string;
  json: any;
}

export async function ops(argv: string[], options: Omit<RunOptions, "io"> = {}): Promise<OpsRun> {
  let stdout = "";
  let stderr = "";
  const code = await runOps(argv, {
    ...options,
    io: {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
  });
  return { code, stdout, stderr, json: argv.includes("--json") ? JSON.parse(stdout) : undefined };
}

/** `npm run ops -- …` as an operator runs it: a separate process, its exit code and output. */
export async function opsProcess(
  argv: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["ops/cli.ts", ...argv], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout, stderr };
}

/** A cart with its PaymentIntent created by the app, not paid yet. */
export async function cartWithIntent(lines?: [string, number][]) {
  const cart = await cartReadyToPay(lines);
  const { body } = await callRoute(intentRoute.POST, {
    method: "POST",
    params: { cartId: cart.id },
  });
  return { cartId: cart.id, paymentIntentId: body.paymentIntentId as string };
}

export async function confirm(harness: PaymentsHarness, id: string, paymentMethod: string) {
  return harness.stripe.paymentIntents
    .confirm(id, { payment_method: paymentMethod })
    .catch((error) => {
      if (error instanceof Stripe.errors.StripeCardError) return null;
      throw error;
    });
}

/** Paid and finalized as the browser does, before Stripe's webhooks arrive: one Paid order. */
export async function paidOrder(harness: PaymentsHarness) {
  const { cartId, paymentIntentId } = await cartWithIntent();
  const { body } = await harness.withWebhooksHeld(async () => {
    await confirm(harness, paymentIntentId, "pm_card_visa");
    return callRoute(finalizeRoute.POST, {
      method: "POST",
      params: { cartId },
      body: { paymentIntentId },
    });
  });
  return { cartId, paymentIntentId, orderId: body.orderId as string };
}

export function eventOf(harness: PaymentsHarness, paymentIntentId: string, type: string) {
  const event = harness.emulator
    .events()
    .find(
      (candidate) =>
        candidate.type === type &&
        (candidate.data.object as { id?: string }).id === paymentIntentId,
    );
  if (!event) throw new Error(`no ${type} for ${paymentIntentId}`);
  return event;
}

/** The order recorded for an intent (id and status), or null. */
export async function orderOfIntent(db: TestDatabase, paymentIntentId: string) {
  const [order] = await db.query<{ id: string; status: string }>(
    'SELECT id, status FROM "PaymentOrders" WHERE "paymentIntentId" = $1',
    [paymentIntentId],
  );
  return order ?? null;
}
