// Everything known about an order in one place, for the runbook's "what happened to this order":
// the row, its audit trail in order, the webhook events seen for its PaymentIntent, and the
// intent as Stripe sees it now. Found by order id, PaymentIntent id or cart id.
import type { OrderStatus, StatusSource, WebhookEventState } from "@prisma/client";
import Stripe from "stripe";

import type { Db } from "@/lib/db/client";
import { orderStatusOf } from "@/lib/payments/apply-payment-outcome";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type LookupKind = "order" | "paymentIntent" | "cart";

export interface OrderSummary {
  id: string;
  number: number;
  paymentIntentId: string;
  cartId: string;
  userId: string;
  email: string;
  amount: number;
  currency: string;
  amountRefunded: number;
  status: OrderStatus;
  createdAt: string;
  updatedAt: string;
  paidAt: string | null;
}

export interface HistoryEntry {
  at: string;
  from: OrderStatus | null;
  to: OrderStatus;
  applied: boolean;
  source: StatusSource;
  actor: string;
  reason: string | null;
  stripeEventId: string | null;
}

export interface InboxEntry {
  id: string;
  type: string;
  state: WebhookEventState;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
  processedAt: string | null;
}

export type StripeView =
  | {
      state: "found";
      status: Stripe.PaymentIntent.Status;
      amount: number;
      currency: string;
      created: string;
      cartId: string | null;
      lastPaymentError: string | null;
      /** The order status this intent stands for (succeeded → Paid), if any. */
      impliedOrderStatus: OrderStatus | null;
    }
  | { state: "not_found" }
  | { state: "unreachable"; error: string };

export interface IntentReport {
  paymentIntentId: string;
  order: OrderSummary | null;
  history: HistoryEntry[];
  events: InboxEntry[];
  stripe: StripeView;
  /** The next step for an operator when the order and Stripe disagree. */
  advice: string | null;
}

export interface OrderReport {
  query: string;
  kind: LookupKind;
  /** The cart, while it exists (a paid cart is deleted). */
  cart: { id: string; paymentIntentId: string | null; updatedAt: string } | null;
  intents: IntentReport[];
}

export function lookupKindOf(query: string): LookupKind {
  if (UUID.test(query)) return "order";
  if (query.startsWith("pi_")) return "paymentIntent";

  return "cart";
}

export async function orderReport(db: Db, stripe: Stripe, query: string): Promise<OrderReport> {
  const kind = lookupKindOf(query);
  const orders = await db.paymentOrder.findMany({
    where:
      kind === "order"
        ? { id: query }
        : kind === "paymentIntent"
          ? { paymentIntentId: query }
          : { cartId: query },
    orderBy: { createdAt: "asc" },
  });

  const cartId = kind === "cart" ? query : orders[0]?.cartId;
  const cart = cartId
    ? await db.cart.findUnique({
        where: { id: cartId },
        select: { id: true, paymentIntentId: true, updatedAt: true },
      })
    : null;

  const intentIds = new Set(orders.map((order) => order.paymentIntentId));
  if (kind === "paymentIntent") intentIds.add(query);
  if (kind === "cart" && cart?.paymentIntentId) intentIds.add(cart.paymentIntentId);

  const intents = [];
  for (const id of intentIds) {
    const order = orders.find((candidate) => candidate.paymentIntentId === id) ?? null;
    intents.push(await intentReport(db, stripe, id, order));
  }

  return {
    query,
    kind,
    cart: cart && { ...cart, updatedAt: cart.updatedAt.toISOString() },
    intents,
  };
}

type OrderRow = Awaited<ReturnType<Db["paymentOrder"]["findMany"]>>[number];

async function intentReport(
  db: Db,
  stripe: Stripe,
  paymentIntentId: string,
  order: OrderRow | null,
): Promise<IntentReport> {
  const [history, events, stripeView] = await Promise.all([
    order
      ? db.orderStatusChange.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } })
      : [],
    db.webhookEvent.findMany({
      where: { objectId: paymentIntentId },
      orderBy: { receivedAt: "asc" },
      select: {
        id: true,
        type: true,
        state: true,
        attempts: true,
        lastError: true,
        receivedAt: true,
        processedAt: true,
      },
    }),
    viewOnStripe(stripe, paymentIntentId),
  ]);

  const summary = order && summarise(order);
  return {
    paymentIntentId,
    order: summary,
    history: history.map((entry) => ({
      at: entry.at.toISOString(),
      from: entry.fromStatus,
      to: entry.toStatus,
      applied: entry.applied,
      source: entry.source,
      actor: entry.actor,
      reason: entry.reason,
      stripeEventId: entry.stripeEventId,
    })),
    events: events.map((event) => ({
      ...event,
      receivedAt: event.receivedAt.toISOString(),
      processedAt: event.processedAt?.toISOString() ?? null,
    })),
    stripe: stripeView,
    advice: adviceFor(summary, stripeView, events),
  };
}

function summarise(order: OrderRow): OrderSummary {
  return {
    id: order.id,
    number: order.number,
    paymentIntentId: order.paymentIntentId,
    cartId: order.cartId,
    userId: order.userId,
    email: order.email,
    amount: order.amount,
    currency: order.currency,
    amountRefunded: order.amountRefunded,
    status: order.status,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
  };
}

async function viewOnStripe(stripe: Stripe, paymentIntentId: string): Promise<StripeView> {
  try {
    const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
    return {
      state: "found",
      status: intent.status,
      amount: intent.amount,
      currency: intent.currency,
      created: new Date(intent.created * 1000).toISOString(),
      cartId: intent.metadata?.cartId ?? null,
      lastPaymentError: intent.last_payment_error?.message ?? null,
      impliedOrderStatus: orderStatusOf(intent),
    };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 404) {
      return { state: "not_found" };
    }
    // Reading the order must still work when Stripe cannot be asked.
    const name = error instanceof Error ? error.name : "unknown error";
    const message = error instanceof Error ? error.message : String(error);
    return { state: "unreachable", error: `${name}: ${message}` };
  }
}

function adviceFor(
  order: OrderSummary | null,
  stripe: StripeView,
  events: { id: string; type: string; state: WebhookEventState }[],
): string | null {
  const failed = events.find((event) => event.state === "Failed");
  if (failed) return `webhook event ${failed.id} failed: replay it with \`replay ${failed.id}\``;
  if (stripe.state !== "found" || !stripe.impliedOrderStatus) return null;

  const implied = stripe.impliedOrderStatus;
  if (!order && implied === "Paid" && stripe.cartId) {
    return (
      "paid on Stripe but no order: " +
      `\`finalize --cart ${stripe.cartId} --payment-intent <this intent>\` or \`reconcile\``
    );
  }
  if (order && order.status !== implied && !(order.status === "Refunded" && implied === "Paid")) {
    return (
      `order is ${order.status} but Stripe says ${implied}: run \`reconcile\`, or ` +
      "`set-status` with --reason and --actor if it must change by hand"
    );
  }
  return null;
}
