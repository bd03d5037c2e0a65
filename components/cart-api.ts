// The browser's side of the cart API. Every call answers the cart as the server now sees it,
// or throws a CartApiError carrying the server's own message for the shopper.
import type { CartView } from "@/lib/cart/cart-view";
import type { Details } from "@/lib/cart/details";

export class CartApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request field the server refused, e.g. `address.city`. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = "CartApiError";
  }
}

const UNREACHABLE = "We could not reach the shop. Check your connection and try again.";

async function send(method: string, path: string, body?: unknown): Promise<CartView> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new CartApiError(0, "network_error", UNREACHABLE);
  }

  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return json as CartView;

  throw errorFrom(response.status, json);
}

function errorFrom(status: number, json: unknown): CartApiError {
  const error = (json as { error?: { code?: unknown; message?: unknown; field?: unknown } })?.error;
  const code = typeof error?.code === "string" ? error.code : "unexpected_response";
  const message =
    typeof error?.message === "string"
      ? error.message
      : "Something went wrong on our side. Please try again.";
  const field = typeof error?.field === "string" ? error.field : null;

  return new CartApiError(status, code, message, field);
}

const cartPath = (cartId: string) => `/api/cart/${encodeURIComponent(cartId)}`;
const linePath = (cartId: string, productId: string) =>
  `${cartPath(cartId)}/lines/${encodeURIComponent(productId)}`;

// Shared by every button on the page: quick clicks before the page learns the new cart's id
// (from the cookie, on refresh) all go to the one cart the first click started.
let startedCart: Promise<CartView> | null = null;

function startCart(): Promise<CartView> {
  startedCart ??= send("POST", "/api/cart").catch((error: unknown) => {
    startedCart = null;
    throw error;
  });
  return startedCart;
}

/** Adds one product to the shopper's cart, starting a cart when there is none (or it is gone). */
export async function addToCart(cartId: string | null, productId: string): Promise<CartView> {
  const add = (id: string) => send("POST", `${cartPath(id)}/lines`, { productId, quantity: 1 });

  try {
    return await add(cartId ?? (await startCart()).id);
  } catch (error) {
    // A cart is deleted once its order is placed; the next purchase starts a fresh one.
    if (!(error instanceof CartApiError) || error.code !== "cart_not_found") throw error;

    startedCart = null;
    return add((await startCart()).id);
  }
}

export function setQuantity(cartId: string, productId: string, quantity: number) {
  return send("PATCH", linePath(cartId, productId), { quantity });
}

export function removeLine(cartId: string, productId: string) {
  return send("DELETE", linePath(cartId, productId));
}

export function saveDetails(cartId: string, details: Details) {
  return send("PUT", `${cartPath(cartId)}/details`, details);
}

/** What to tell the shopper about a failed call: the server's words when it gave any. */
export function messageOf(error: unknown): string {
  if (error instanceof CartApiError) return error.message;

  return "Something went wrong. Please try again.";
}
