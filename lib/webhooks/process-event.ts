// Exactly-once processing of a verified event: in one transaction the event is stored in the
// inbox (its row locked), handled, and marked done. A duplicate delivery waits for the first and
// then finds it done; a failure rolls the handling back and keeps the event, marked Failed, for
// Stripe's retry or a replay. One transaction and one commit per event keeps the path short.
import type Stripe from "stripe";

import type { Db } from "@/lib/db/client";
import { addLogContext, type LogContext } from "@/lib/log/context";
import { createLogger } from "@/lib/log/logger";

import { handleEvent, type HandleOutcome } from "./handle-event";
import { claimEvent, finishEvent, markFailed, objectIdOf } from "./inbox";

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
  try {
    const result = await db.$transaction(async (tx): Promise<HandleOutcome | "duplicate"> => {
      const claim = await claimEvent(tx, event);
      const done = claim === "Processed" || claim === "Ignored";
      if (done && !replay) return "duplicate";

      const outcome = await handleEvent(tx, event);
      await finishEvent(tx, event.id, outcome.state, claim);
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
    await markFailed(db, event, error).catch(() => undefined);
    throw error;
  }
}
