// POST /api/payments/{cartId}/intent: one PaymentIntent per cart, created on the first call and
// updated when the cart changed. The amount comes from the cart and the catalog on the server.
import type Stripe from "stripe";

import { toCartView, type CartView } from "@/lib/cart/cart-view";
import { readCart } from "@/lib/cart/read-cart";
import { getConfig } from "@/lib/config/config";
import type { Db, Tx } from "@/lib/db/client";
import { ApiError, notFound } from "@/lib/http/api-error";
import { addLogContext } from "@/lib/log/context";
import { createLogger } from "@/lib/log/logger";
import { callStripe } from "@/lib/stripe/errors";

import { applyPaymentOutcome } from "./apply-payment-outcome";
import { snapshotLines } from "./order-lines";

const log = createLogger("create-or-update-intent");

export interface IntentAnswer {
  clientSecret: string;
  paymentIntentId: string;
  amount: number;
  currency: string;
}

// Stripe refuses to change an intent in these states; the cart must not be charged differently.
const SETTLED = new Set<Stripe.PaymentIntent.Status>(["succeeded", "processing", "canceled"]);

export async function createOrUpdateIntent(
  db: Db,
  stripe: Stripe,
  cartId: string,
): Promise<IntentAnswer> {
  const cart = await loadCart(db, cartId);
  addLogContext({ CartId: cart.id, UserId: cart.userId, PaymentIntentId: cart.paymentIntentId });
  log.info("Richiesta create/update PaymentIntent ricevuta");
  requirePayable(cart);

  // The common case, a reload or a second mount of the Payment step: nothing changed.
  if (cart.paymentIntentId && cart.intentCartVersion === cart.version) {
    const intent = await retrieve(stripe, cart.paymentIntentId);
    if (!SETTLED.has(intent.status) && charges(intent, cart)) return answer(intent);
  }

  const outcome = await db.$transaction(
    async (tx) => {
      // Holding the cart's row lock across the Stripe call makes concurrent calls for one cart
      // queue, so they can never create two intents; other carts are not affected.
      const locked = await loadCart(tx, cartId, { lock: true });
      requirePayable(locked);
      const current = locked.paymentIntentId
        ? await retrieve(stripe, locked.paymentIntentId)
        : null;
      if (current?.status === "succeeded" || current?.status === "processing") return current;
      const unchanged = locked.intentCartVersion === locked.version;
      if (current && current.status !== "canceled" && unchanged && charges(current, locked)) {
        return current;
      }

      const replace = !current || current.status === "canceled";
      const intent = replace
        ? await create(stripe, locked, current?.id)
        : await update(stripe, current, locked);
      await tx.$executeRaw`
        UPDATE "Cart"
           SET "paymentIntentId" = ${intent.id}, "intentAmount" = ${intent.amount},
               "intentCurrency" = ${intent.currency}, "intentCartVersion" = ${locked.version},
               "intentLines" = ${JSON.stringify(snapshotLines(locked.lines))}::jsonb,
               "updatedAt" = now()
         WHERE id = ${locked.id}`;
      addLogContext({ PaymentIntentId: intent.id });
      log.info(
        { amount: intent.amount, currency: intent.currency, cartVersion: locked.version },
        replace ? "PaymentIntent created" : "PaymentIntent updated",
      );

      return intent;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );

  // Outside the transaction: recording a paid order takes the cart's lock itself.
  await refuseSettled(db, outcome);
  return answer(outcome);
}

type PayableCart = CartView & { userId: string; intentCartVersion: number | null };

async function loadCart(db: Db | Tx, cartId: string, { lock = false } = {}): Promise<PayableCart> {
  const cart = await readCart(db, cartId, { lock });
  if (!cart) throw notFound("cart");

  return {
    ...toCartView(cart, getConfig().stripe.currency),
    userId: cart.userId,
    intentCartVersion: cart.intentCartVersion,
  };
}

function requirePayable(cart: CartView): void {
  if (cart.lines.length === 0) throw new ApiError(422, "cart_empty", "The cart is empty.");
  if (!cart.details) {
    throw new ApiError(422, "details_missing", "Enter email and shipping details before paying.");
  }
  if (cart.total.amount <= 0) throw new ApiError(422, "nothing_to_pay", "The cart total is zero.");
}

/**
 * An intent that already succeeded is recorded through the fulfilment path (in case neither
 * finalize nor the webhook has done it yet) and the caller is told where the order is.
 */
async function refuseSettled(db: Db, intent: Stripe.PaymentIntent): Promise<void> {
  if (intent.status === "succeeded") {
    const order = await applyPaymentOutcome(db, intent, "Paid", {
      source: "finalize",
      actor: "checkout",
    });
    throw new ApiError(409, "already_paid", "This cart has already been paid.", {
      orderId: order.orderId,
      location: `/checkout/confirmation/${order.orderId}`,
    });
  }
  if (intent.status === "processing") {
    throw new ApiError(409, "payment_processing", "A payment for this cart is being processed.");
  }
}

/** Whether the intent charges the cart's total at today's catalog prices. */
function charges(intent: Stripe.PaymentIntent, cart: CartView): boolean {
  return intent.amount === cart.total.amount && intent.currency === cart.total.currency;
}

function metadata(cart: PayableCart): Stripe.MetadataParam {
  return { cartId: cart.id, userId: cart.userId, cartVersion: String(cart.version) };
}

async function create(
  stripe: Stripe,
  cart: PayableCart,
  replacing?: string,
): Promise<Stripe.PaymentIntent> {
  const { amount, currency } = cart.total;
  // Same cart, version and amount → same key → Stripe answers the intent it already made.
  const key = `checkout:${cart.id}:create:v${cart.version}:${amount}${currency}${replacing ? `:after:${replacing}` : ""}`;

  return callStripe(() =>
    stripe.paymentIntents.create(
      { amount, currency, automatic_payment_methods: { enabled: true }, metadata: metadata(cart) },
      { idempotencyKey: key },
    ),
  );
}

async function update(stripe: Stripe, intent: Stripe.PaymentIntent, cart: PayableCart) {
  const { amount, currency } = cart.total;
  const key = `checkout:${cart.id}:update:${intent.id}:v${cart.version}:${amount}${currency}`;

  return callStripe(() =>
    stripe.paymentIntents.update(
      intent.id,
      { amount, currency, metadata: metadata(cart) },
      { idempotencyKey: key },
    ),
  );
}

function retrieve(stripe: Stripe, id: string): Promise<Stripe.PaymentIntent> {
  return callStripe(() => stripe.paymentIntents.retrieve(id));
}

function answer(intent: Stripe.PaymentIntent): IntentAnswer {
  if (!intent.client_secret)
    throw new ApiError(502, "stripe_error", "The PaymentIntent has no client secret.");

  return {
    clientSecret: intent.client_secret,
    paymentIntentId: intent.id,
    amount: intent.amount,
    currency: intent.currency,
  };
}
