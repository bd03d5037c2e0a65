// The world the bad-input table runs against: two shoppers with carts in every state an endpoint
// cares about, a paid order, and a way to call any route with any method, headers and raw bytes.
import { NextRequest } from "next/server";
import { autoImplementMethods } from "next/dist/server/route-modules/app-route/helpers/auto-implement-methods";
import type { HTTP_METHOD } from "next/dist/server/web/http";

import * as finalizeRoute from "@/app/api/payments/[cartId]/finalize/route";
import * as intentRoute from "@/app/api/payments/[cartId]/intent/route";
import { addLine, createCart, saveDetails } from "@/lib/cart/cart-service";
import { CART_COOKIE, USER_COOKIE } from "@/lib/cart/cookies";
import { newOpaqueId } from "@/lib/cart/ids";
import { getDb } from "@/lib/db/client";

import { callRoute, type CallResult } from "../helpers/call-route";
import { SHOPPER, type PaymentsHarness } from "../helpers/payments-harness";
import type { TestDatabase } from "../helpers/test-database";

export interface World {
  /** Shopper A, whose cookie most cases carry. */
  shopper: string;
  /** A's cart: two espresso cups, details, an intent created and not yet paid. */
  cartId: string;
  intentId: string;
  /** A's cart without lines, and one with lines but no details. */
  emptyCartId: string;
  noDetailsCartId: string;
  /** A's cart that was paid and so deleted, and its order. */
  paidCartId: string;
  orderId: string;
  /** Shopper B, with a cart and an intent of their own. */
  otherShopper: string;
  otherCartId: string;
  otherIntentId: string;
  /** B's cart whose intent succeeded while its webhooks are held: finalize would record it. */
  otherPaidCartId: string;
  otherPaidIntentId: string;
  /** In the catalog, but no longer sold. */
  retiredProductId: string;
}

export const RETIRED_PRODUCT = "retired-grinder";

export function cookieOf(shopper: string, cartId?: string): string {
  return cartId
    ? `${USER_COOKIE}=${shopper}; ${CART_COOKIE}=${cartId}`
    : `${USER_COOKIE}=${shopper}`;
}

async function payableCart(shopper: string, lines: [string, number][], details = true) {
  const db = getDb();
  const cart = await createCart(db, shopper);
  for (const [productId, quantity] of lines) await addLine(db, cart.id, productId, quantity);
  if (details) await saveDetails(db, cart.id, SHOPPER);

  return cart.id;
}

async function intentOf(cartId: string, shopper: string): Promise<string> {
  const { status, body } = await callRoute(intentRoute.POST, {
    method: "POST",
    params: { cartId },
    headers: { cookie: cookieOf(shopper, cartId) },
  });
  if (status !== 200) throw new Error(`intent for the fixture answered ${status}`);

  return body.paymentIntentId;
}

/**
 * Builds the world; from then on Stripe's webhook delivery stays held (the caller releases it at
 * the end), so no event can reach the database while a case is being compared.
 */
export async function buildWorld(db: TestDatabase, harness: PaymentsHarness): Promise<World> {
  const shopper = newOpaqueId();
  const otherShopper = newOpaqueId();
  await db.query(
    `INSERT INTO "Product" (id, name, description, "priceAmount", currency, "imagePath", active)
     VALUES ($1, 'Retired grinder', 'No longer sold.', 4900, 'eur', '/products/none.svg', false)`,
    [RETIRED_PRODUCT],
  );

  const paidCartId = await payableCart(shopper, [["tea-tin", 1]]);
  const paidIntentId = await intentOf(paidCartId, shopper);
  await harness.stripe.paymentIntents.confirm(paidIntentId, { payment_method: "pm_card_visa" });
  const paid = await callRoute(finalizeRoute.POST, {
    method: "POST",
    params: { cartId: paidCartId },
    body: { paymentIntentId: paidIntentId },
    headers: { cookie: cookieOf(shopper, paidCartId) },
  });
  if (paid.status !== 200) throw new Error(`finalize for the fixture answered ${paid.status}`);
  await harness.emulator.settled();

  harness.emulator.hold();
  const cartId = await payableCart(shopper, [["espresso-cup", 2]]);
  const otherCartId = await payableCart(otherShopper, [["moka-pot", 1]]);
  const otherPaidCartId = await payableCart(otherShopper, [["coffee-beans", 2]]);
  const otherPaidIntentId = await intentOf(otherPaidCartId, otherShopper);
  await harness.stripe.paymentIntents.confirm(otherPaidIntentId, {
    payment_method: "pm_card_visa",
  });

  return {
    shopper,
    cartId,
    intentId: await intentOf(cartId, shopper),
    emptyCartId: await payableCart(shopper, []),
    noDetailsCartId: await payableCart(shopper, [["tea-tin", 1]], false),
    paidCartId,
    orderId: paid.body.orderId,
    otherShopper,
    otherCartId,
    otherIntentId: await intentOf(otherCartId, otherShopper),
    otherPaidCartId,
    otherPaidIntentId,
    retiredProductId: RETIRED_PRODUCT,
  };
}

type AnyRoute = Record<string, unknown>;

export interface RawCall {
  method: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  /** Sent byte for byte, with no Content-Type added. */
  body?: string | Uint8Array;
}

/**
 * Calls a route module the way Next.js dispatches to it, methods it does not export included:
 * those get Next's own answer (405, or the automatic HEAD and OPTIONS).
 */
export async function callRaw(routeModule: AnyRoute, call: RawCall): Promise<CallResult> {
  const handlers = autoImplementMethods(routeModule as never);
  const handler = handlers[call.method as HTTP_METHOD];
  const request = new NextRequest(new URL("/api/bad-input", "http://localhost:3000"), {
    method: call.method,
    headers: call.headers ?? {},
    body: call.body as BodyInit | undefined,
  });

  const response = (await handler(request as never, {
    params: Promise.resolve(call.params ?? {}),
  })) as Response;
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the case sees the raw text.
  }

  return { status: response.status, body, headers: response.headers, response };
}

/** Every table of the schema, with the order that makes two snapshots comparable. */
export const TABLES: Record<string, string> = {
  Product: "id",
  Cart: "id",
  CartLine: '"cartId", "productId"',
  PaymentOrders: "id",
  OrderStatusHistory: "id",
  WebhookEvent: "id",
  WebhookSignatureFailure: "minute, cause",
};

export type Snapshot = Record<string, unknown[]>;

export async function snapshot(db: TestDatabase): Promise<Snapshot> {
  const entries = await Promise.all(
    Object.entries(TABLES).map(
      async ([table, order]) =>
        [table, await db.query(`SELECT * FROM "${table}" ORDER BY ${order}`)] as const,
    ),
  );

  return Object.fromEntries(entries);
}

/** Signature rejections counted by cause, whatever minute they fell in. */
export function signatureFailuresByCause(tables: Snapshot): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of tables.WebhookSignatureFailure as { cause: string; count: number }[]) {
    counts[row.cause] = (counts[row.cause] ?? 0) + row.count;
  }

  return counts;
}
