// The webhook inbox: every verified event is stored before it is processed, with its state,
// so it can be inspected and replayed; signature rejections are counted per minute and cause.
import type { WebhookEventState } from "@prisma/client";
import type Stripe from "stripe";

import type { Db, Tx } from "@/lib/db/client";

import type { SignatureFailureCause } from "./verify-signature";

/** The PaymentIntent an event is about, for finding an order's events. */
export function objectIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as { object?: string; id?: string; payment_intent?: unknown };
  if (object.object === "payment_intent") return object.id ?? null;
  if (typeof object.payment_intent === "string") return object.payment_intent;

  return object.id ?? null;
}

/** What claiming an event found: a new event, or the state of the one already stored. */
export type Claim = "new" | WebhookEventState;

/**
 * Stores the event and takes its inbox row's lock for the caller's transaction. A new event is
 * stored as already Processed, so the common case needs no second write: the transaction makes
 * it true, or rolls the row back with everything else. A concurrent delivery of the same event
 * waits here until the first one's transaction ends, then sees what it did.
 */
export async function claimEvent(tx: Tx, event: Stripe.Event): Promise<Claim> {
  const payload = JSON.stringify(event);
  const [inserted] = await tx.$queryRaw<unknown[]>`
    INSERT INTO "WebhookEvent" (id, type, "objectId", payload, state, attempts, "processedAt")
    VALUES (${event.id}, ${event.type}, ${objectIdOf(event)}, ${payload}::jsonb, 'Processed', 1,
            now())
    ON CONFLICT (id) DO NOTHING
    RETURNING 1`;
  if (inserted) return "new";

  const [stored] = await tx.$queryRaw<{ state: WebhookEventState }[]>`
    SELECT state FROM "WebhookEvent" WHERE id = ${event.id} FOR UPDATE`;
  return stored!.state;
}

/** Records how an event ended; a new event needs this only when it did not end Processed. */
export async function finishEvent(tx: Tx, eventId: string, state: WebhookEventState, claim: Claim) {
  if (claim === "new" && state === "Processed") return;

  await tx.$executeRaw`
    UPDATE "WebhookEvent"
       SET state = ${state}::"WebhookEventState", "lastError" = NULL, "processedAt" = now(),
           attempts = attempts + ${claim === "new" ? 0 : 1}
     WHERE id = ${eventId}`;
}

/**
 * Keeps an event whose processing failed (its transaction rolled back), marked Failed with the
 * error, for Stripe's retry or a replay. An event already applied is never marked Failed.
 */
export async function markFailed(db: Db, event: Stripe.Event, error: unknown): Promise<void> {
  const message = (
    error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  ).slice(0, 1000);
  await db.$executeRaw`
    INSERT INTO "WebhookEvent" (id, type, "objectId", payload, state, attempts, "lastError")
    VALUES (${event.id}, ${event.type}, ${objectIdOf(event)}, ${JSON.stringify(event)}::jsonb,
            'Failed', 1, ${message})
    ON CONFLICT (id) DO UPDATE
      SET attempts = "WebhookEvent".attempts + 1, "lastError" = EXCLUDED."lastError",
          state = CASE WHEN "WebhookEvent".state IN ('Processed', 'Ignored')
                       THEN "WebhookEvent".state ELSE 'Failed'::"WebhookEventState" END`;
}

export async function recordSignatureFailure(db: Db, cause: SignatureFailureCause): Promise<void> {
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  await db.$executeRaw`
    INSERT INTO "WebhookSignatureFailure" (minute, cause, count) VALUES (${minute}, ${cause}, 1)
    ON CONFLICT (minute, cause) DO UPDATE SET count = "WebhookSignatureFailure".count + 1`;
}
