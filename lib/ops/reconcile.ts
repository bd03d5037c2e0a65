// Reconcile: Stripe's PaymentIntents of the shop are the truth about money; each one whose order
// is missing or behind is sent through the one fulfilment path with source "reconcile". The path
// locks and decides (ResolveStatus), so running this while traffic flows, or twice, is safe.
import type Stripe from "stripe";

import type { Db } from "@/lib/db/client";
import { applyPaymentOutcome, orderStatusOf } from "@/lib/payments/apply-payment-outcome";
import { resolveStatus, type OrderStatus } from "@/lib/payments/resolve-status";

/** An intent still `processing` after this long is reported as stuck. */
export const STUCK_AFTER_MS = 10 * 60 * 1000;

export type Verdict =
  /** The order was created or moved to the status Stripe reports. */
  | "repaired"
  /** Dry run: the order would have been created or moved. */
  | "would_repair"
  | "fine"
  /** Still `processing` on Stripe long after it was created. */
  | "stuck"
  /** Stripe and the order disagree in a way ResolveStatus does not let reconcile fix. */
  | "conflict"
  /** Not finished on Stripe (the shopper has not paid yet): nothing to reconcile. */
  | "open"
  | "error";

export interface ReconcileItem {
  paymentIntentId: string;
  cartId: string;
  stripeStatus: Stripe.PaymentIntent.Status;
  orderStatusBefore: OrderStatus | null;
  orderStatusAfter: OrderStatus | null;
  verdict: Verdict;
  detail?: string;
}

export interface ReconcileSummary {
  checked: number;
  repaired: number;
  /** Dry run only: how many would have been repaired. */
  wouldRepair: number;
  alreadyFine: number;
  stuck: number;
  conflicts: number;
  open: number;
  errors: number;
  /** Intents of other integrations (no cartId in their metadata), left alone. */
  notOurs: number;
}

export interface ReconcileReport {
  since: string;
  dryRun: boolean;
  summary: ReconcileSummary;
  /** Every intent that is not simply fine or open. */
  items: ReconcileItem[];
}

export interface ReconcileOptions {
  since: Date;
  dryRun?: boolean;
  now?: Date;
  stuckAfterMs?: number;
  /** Called after each intent of ours, for progress on long runs. */
  onProgress?: (checked: number) => void;
}

const TARGETS: readonly OrderStatus[] = ["Paid", "Failed", "Canceled"];

export async function reconcile(
  db: Db,
  stripe: Stripe,
  options: ReconcileOptions,
): Promise<ReconcileReport> {
  const now = options.now ?? new Date();
  const stuckBefore = now.getTime() - (options.stuckAfterMs ?? STUCK_AFTER_MS);
  const summary: ReconcileSummary = {
    checked: 0,
    repaired: 0,
    wouldRepair: 0,
    alreadyFine: 0,
    stuck: 0,
    conflicts: 0,
    open: 0,
    errors: 0,
    notOurs: 0,
  };
  const items: ReconcileItem[] = [];

  const intents = stripe.paymentIntents.list({
    created: { gte: Math.floor(options.since.getTime() / 1000) },
    limit: 100,
  });
  for await (const intent of intents) {
    if (!intent.metadata?.cartId) {
      summary.notOurs += 1;
      continue;
    }

    const item = await reconcileIntent(db, intent, options.dryRun ?? false, stuckBefore);
    summary.checked += 1;
    count(summary, item.verdict);
    if (item.verdict !== "fine" && item.verdict !== "open") items.push(item);
    options.onProgress?.(summary.checked);
  }

  return { since: options.since.toISOString(), dryRun: options.dryRun ?? false, summary, items };
}

function count(summary: ReconcileSummary, verdict: Verdict): void {
  if (verdict === "repaired") summary.repaired += 1;
  else if (verdict === "would_repair") summary.wouldRepair += 1;
  else if (verdict === "fine") summary.alreadyFine += 1;
  else if (verdict === "stuck") summary.stuck += 1;
  else if (verdict === "conflict") summary.conflicts += 1;
  else if (verdict === "open") summary.open += 1;
  else summary.errors += 1;
}

async function reconcileIntent(
  db: Db,
  intent: Stripe.PaymentIntent,
  dryRun: boolean,
  stuckBefore: number,
): Promise<ReconcileItem> {
  const item: ReconcileItem = {
    paymentIntentId: intent.id,
    cartId: intent.metadata.cartId!,
    stripeStatus: intent.status,
    orderStatusBefore: null,
    orderStatusAfter: null,
    verdict: "fine",
  };

  try {
    const order = await db.paymentOrder.findUnique({
      where: { paymentIntentId: intent.id },
      select: { status: true },
    });
    item.orderStatusBefore = order?.status ?? null;
    item.orderStatusAfter = item.orderStatusBefore;

    const target = orderStatusOf(intent);
    if (intent.status === "processing") {
      const stuck = intent.created * 1000 < stuckBefore;
      return { ...item, verdict: stuck ? "stuck" : "open" };
    }
    if (!target || !TARGETS.includes(target)) return { ...item, verdict: "open" };

    const planned = plan(order?.status ?? null, target);
    if (planned.verdict !== "repair") {
      return { ...item, verdict: planned.verdict, detail: planned.detail };
    }
    if (dryRun) return { ...item, verdict: "would_repair", orderStatusAfter: target };

    const result = await applyPaymentOutcome(db, intent, target, {
      source: "reconcile",
      actor: "ops reconcile",
      reason: `Stripe reports the PaymentIntent ${intent.status}`,
    });
    const refused = result.resolution?.outcome === "refused";
    return {
      ...item,
      orderStatusAfter: result.status,
      verdict: refused
        ? "conflict"
        : result.resolution?.outcome === "unchanged"
          ? "fine"
          : "repaired",
      detail: refused ? `ResolveStatus refused ${result.resolution?.from} → ${target}` : undefined,
    };
  } catch (error) {
    return { ...item, verdict: "error", detail: errorLine(error) };
  }
}

/**
 * What reconcile may do, decided by ResolveStatus before anything is written (the write decides
 * again under the row lock). An order ahead of Stripe (Refunded after a succeeded intent) is fine.
 */
function plan(
  current: OrderStatus | null,
  target: OrderStatus,
): { verdict: "repair" | "fine" | "conflict"; detail?: string } {
  if (current === null) return { verdict: "repair" };
  if (current === "Refunded" && target === "Paid") return { verdict: "fine" };

  const resolution = resolveStatus(current, target);
  if (resolution.outcome === "unchanged") return { verdict: "fine" };
  if (resolution.outcome === "changed") return { verdict: "repair" };

  return {
    verdict: "conflict",
    detail: `order is ${current} but Stripe says ${target}; ResolveStatus does not allow it`,
  };
}

function errorLine(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
