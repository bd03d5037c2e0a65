// Exactly-once processing of a verified event: stored in the inbox first, then handled and
// marked in one transaction under the inbox row's lock. A duplicate delivery waits for the
// first and then finds it done; a failure leaves the event Failed for Stripe's retry or a replay.
import type Stripe from "stripe";

import type { Db } from "@/lib/db/client";
import { addLogContext, type LogContext } from "@/lib/log/context";
import { createLogger } from "@/lib/log/logger";

import { handleEvent, type HandleOutcome } from "./handle-event";
import { markFailed, objectIdOf, storeEvent } from "./inbox";

const log = createLogger("process-event");

/** The correlation fields an event carries, for every log line about it. */
export function eventLogContext(event: Stripe.Event): LogContext {
  const object = event.data.object as { id?: string; metadata?: Record<string, string> };
  return {
    EventId: event.id,
    EventType: event.type,
    PaymentIntentId: objectIdOf(event),
    CartId: object.metadata?.cartId,
    UserId: object.metadata?.userId,
  };
}

export type ProcessResult = "processed" | "ignored" | "duplicate";

export async function processEvent(
  db: Db,
  event: Stripe.Event,
  { replay = false } = {},
): Promise<ProcessResult> {
  addLogContext(eventLogContext(event));
  await storeEvent(db, event);
  try {
    const result = await db.$transaction(async (tx): Promise<HandleOutcome | "duplicate"> => {
      const [row] = await tx.$queryRaw<{ state: string }[]>`
        SELECT state FROM "WebhookEvent" WHERE id = ${event.id} FOR UPDATE`;
      const done = row?.state === "Processed" || row?.state === "Ignored";
      if (done && !replay) return "duplicate";

      const outcome = await handleEvent(tx, event);
      await tx.webhookEvent.update({
        where: { id: event.id },
        data: {
          state: outcome.state,
          attempts: { increment: 1 },
          lastError: null,
          processedAt: new Date(),
        },
      });
      return outcome;
    });

    // Logged after the commit, so a line never claims what a rollback undid.
    if (result === "duplicate") {
      log.info(`Webhook duplicate, already processed: ${event.type}`);
      return "duplicate";
    }
    if (result.state === "Ignored") {
      log.warn({ reason: result.reason }, `Webhook ignored: ${event.type}`);
      return "ignored";
    }
    log.info(`Webhook processed: ${event.type}`);
    return "processed";
  } catch (error) {
    log.error({ err: error }, `Webhook processing failed: ${event.type}`);
    await markFailed(db, event.id, error).catch(() => undefined);
    throw error;
  }
}
