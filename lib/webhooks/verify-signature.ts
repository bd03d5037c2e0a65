// Stripe-Signature verification on the raw body, with the cause of each rejection named so the
// runbook's case 4 can tell a wrong secret from a replay or a proxy that dropped the header.
import Stripe from "stripe";

export type SignatureFailureCause =
  | "missing_header"
  | "malformed_header"
  | "no_matching_signature"
  | "timestamp_out_of_tolerance"
  // Correctly signed, but not a Stripe event: a bug of the sender, not an attack.
  | "malformed_payload";

export class SignatureError extends Error {
  constructor(readonly failure: SignatureFailureCause) {
    super(`Webhook signature rejected: ${failure}`);
    this.name = "SignatureError";
  }
}

/** Stripe's default: an event signed more than five minutes ago is a replay. */
export const TOLERANCE_SECONDS = 300;

const verifier = Stripe.webhooks;

export function verifyStripeEvent(
  rawBody: string,
  header: string | null,
  secret: string,
  now = Date.now(),
): Stripe.Event {
  if (!header) throw new SignatureError("missing_header");

  const timestamp = Number(/(?:^|,)t=(\d+)(?:,|$)/.exec(header)?.[1]);
  if (!Number.isSafeInteger(timestamp) || !/(?:^|,)v1=[0-9a-f]+/.test(header)) {
    throw new SignatureError("malformed_header");
  }

  try {
    // Tolerance 0 checks the signature alone; the age is checked below to name the cause.
    verifier.signature!.verifyHeader(rawBody, header, secret, 0);
  } catch {
    throw new SignatureError("no_matching_signature");
  }

  if (Math.floor(now / 1000) - timestamp > TOLERANCE_SECONDS) {
    throw new SignatureError("timestamp_out_of_tolerance");
  }
  return parseEvent(rawBody);
}

/** A `\u0000` escape, as opposed to an escaped backslash followed by `u0000`. */
const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

function parseEvent(rawBody: string): Stripe.Event {
  let event: Partial<Stripe.Event> | null = null;
  try {
    event = JSON.parse(rawBody) as Partial<Stripe.Event>;
  } catch {
    // Signed by the secret but not an event: reported below like any other malformed payload.
  }
  if (typeof event?.id !== "string" || typeof event.type !== "string" || !event.data?.object) {
    throw new SignatureError("malformed_payload");
  }
  // The inbox keeps events as jsonb, which cannot hold U+0000: such an event could never be
  // stored, so every retry would fail the same way.
  if (ESCAPED_NUL.test(rawBody)) throw new SignatureError("malformed_payload");

  return event as Stripe.Event;
}
