// POST /api/payments/webhook: verify the signature on the raw body, then process exactly once.
// A bad signature is the sender's fault (400, Stripe will not fix it by retrying); a failure of
// ours is a 500 so that Stripe retries and nothing is lost.
import { getConfig } from "@/lib/config/config";
import type { Db } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { readBody } from "@/lib/http/read-json";
import { addLogContext } from "@/lib/log/context";
import { createLogger } from "@/lib/log/logger";

import { recordSignatureFailure } from "./inbox";
import { eventLogContext, processEvent, type ProcessResult } from "./process-event";
import { SignatureError, verifyStripeEvent } from "./verify-signature";

const log = createLogger("webhook");

/** Stripe's events are a few kilobytes; this leaves room for large metadata. */
const MAX_EVENT_BYTES = 512 * 1024;

export async function receiveWebhook(db: Db, request: Request): Promise<ProcessResult> {
  const rawBody = await readBody(request, MAX_EVENT_BYTES);

  let event;
  try {
    event = verifyStripeEvent(
      rawBody,
      request.headers.get("stripe-signature"),
      getConfig().stripe.webhookSecret,
    );
  } catch (error) {
    if (!(error instanceof SignatureError)) throw error;
    log.warn({ cause: error.failure }, "Webhook signature rejected");
    await recordSignatureFailure(db, error.failure).catch(() => undefined);
    throw new ApiError(400, "invalid_signature", `Webhook signature rejected: ${error.failure}.`);
  }

  addLogContext(eventLogContext(event));
  log.info("Webhook Stripe ricevuto");
  try {
    return await processEvent(db, event);
  } catch {
    throw new ApiError(
      500,
      "webhook_processing_failed",
      "The event could not be processed; retry.",
    );
  }
}
