// The webhook inbox as operators read it, and the replay of one stored event through the same
// exactly-once processing as a delivery from Stripe (runbook cases 1 and 2).
import type { OrderStatus, Prisma, WebhookEventState } from "@prisma/client";
import type Stripe from "stripe";

import type { Db } from "@/lib/db/client";
import { objectIdOf } from "@/lib/webhooks/inbox";
import { processEvent, type ProcessResult } from "@/lib/webhooks/process-event";

export interface InboxFilter {
  state?: WebhookEventState;
  type?: string;
  limit?: number;
}

export interface InboxRow {
  id: string;
  type: string;
  objectId: string | null;
  state: WebhookEventState;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
  processedAt: string | null;
}

/** Newest first. */
export async function listInbox(db: Db, filter: InboxFilter = {}): Promise<InboxRow[]> {
  const where: Prisma.WebhookEventWhereInput = {};
  if (filter.state) where.state = filter.state;
  if (filter.type) where.type = filter.type;

  const rows = await db.webhookEvent.findMany({
    where,
    orderBy: { receivedAt: "desc" },
    take: filter.limit ?? 20,
    select: {
      id: true,
      type: true,
      objectId: true,
      state: true,
      attempts: true,
      lastError: true,
      receivedAt: true,
      processedAt: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  }));
}

export class EventNotFoundError extends Error {
  constructor(
    readonly eventId: string,
    readonly where: "inbox" | "stripe",
  ) {
    super(
      where === "inbox"
        ? `${eventId} is not in the webhook inbox`
        : `${eventId} is neither in the webhook inbox nor known to Stripe`,
    );
    this.name = "EventNotFoundError";
  }
}

interface OrderState {
  orderId: string;
  status: OrderStatus;
  auditRows: number;
}

export interface ReplayResult {
  eventId: string;
  type: string;
  origin: "inbox" | "stripe";
  result: Exclude<ProcessResult, "duplicate">;
  objectId: string | null;
  orderBefore: OrderState | null;
  orderAfter: OrderState | null;
  /** Whether the order was created or changed status by this replay. */
  changed: boolean;
}

/**
 * Re-runs a stored event through processEvent with `replay`, without a new call from Stripe.
 * An event missing from the inbox is fetched from Stripe only when the caller allows it.
 */
export async function replayEvent(
  db: Db,
  stripe: Stripe,
  eventId: string,
  { fromStripe = false } = {},
): Promise<ReplayResult> {
  const stored = await db.webhookEvent.findUnique({
    where: { id: eventId },
    select: { payload: true, objectId: true },
  });
  if (!stored && !fromStripe) throw new EventNotFoundError(eventId, "inbox");

  const event = stored
    ? (stored.payload as unknown as Stripe.Event)
    : await retrieveFromStripe(stripe, eventId);
  const objectId = stored?.objectId ?? objectIdOf(event);

  const orderBefore = await orderStateOf(db, objectId);
  const result = await processEvent(db, event, { replay: true });
  const orderAfter = await orderStateOf(db, objectId);

  return {
    eventId,
    type: event.type,
    origin: stored ? "inbox" : "stripe",
    result: result === "duplicate" ? "processed" : result,
    objectId,
    orderBefore,
    orderAfter,
    changed: orderBefore?.status !== orderAfter?.status,
  };
}

async function retrieveFromStripe(stripe: Stripe, eventId: string): Promise<Stripe.Event> {
  try {
    return await stripe.events.retrieve(eventId);
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 404) throw new EventNotFoundError(eventId, "stripe");
    throw error;
  }
}

async function orderStateOf(db: Db, paymentIntentId: string | null): Promise<OrderState | null> {
  if (!paymentIntentId) return null;

  const order = await db.paymentOrder.findUnique({
    where: { paymentIntentId },
    select: { id: true, status: true, _count: { select: { history: true } } },
  });
  return order && { orderId: order.id, status: order.status, auditRows: order._count.history };
}
