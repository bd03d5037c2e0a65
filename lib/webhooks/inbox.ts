// The webhook inbox: every verified event is stored before it is processed, with its state,
// so it can be inspected and replayed; signature rejections are counted per minute and cause.
import type { Prisma } from "@prisma/client";
import type Stripe from "stripe";

import type { Db } from "@/lib/db/client";

import type { SignatureFailureCause } from "./verify-signature";

/** The PaymentIntent an event is about, for finding an order's events. */
export function objectIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as { object?: string; id?: string; payment_intent?: unknown };
  if (object.object === "payment_intent") return object.id ?? null;
  if (typeof object.payment_intent === "string") return object.payment_intent;

  return object.id ?? null;
}

export async function storeEvent(db: Db, event: Stripe.Event): Promise<void> {
  await db.webhookEvent.createMany({
    data: {
      id: event.id,
      type: event.type,
      objectId: objectIdOf(event),
      payload: event as unknown as Prisma.InputJsonValue,
    },
    skipDuplicates: true,
  });
}

export async function markFailed(db: Db, eventId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  await db.webhookEvent.update({
    where: { id: eventId },
    data: { state: "Failed", attempts: { increment: 1 }, lastError: message.slice(0, 1000) },
  });
}

export async function recordSignatureFailure(db: Db, cause: SignatureFailureCause): Promise<void> {
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  await db.$executeRaw`
    INSERT INTO "WebhookSignatureFailure" (minute, cause, count) VALUES (${minute}, ${cause}, 1)
    ON CONFLICT (minute, cause) DO UPDATE SET count = "WebhookSignatureFailure".count + 1`;
}
