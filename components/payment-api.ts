// The browser's side of the payment API: prepare the cart's PaymentIntent, then finalize the
// order once Stripe.js has confirmed the payment.
import type { IntentAnswer } from "@/lib/payments/create-or-update-intent";
import type { OrderStatus } from "@/lib/payments/resolve-status";

export type { IntentAnswer };

export interface PlacedOrder {
  orderId: string;
  orderNumber: number;
  status: OrderStatus;
}

export class PaymentApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "PaymentApiError";
  }
}

const UNREACHABLE = "We could not reach the shop. Check your connection and try again.";

async function post<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PaymentApiError(0, "network_error", UNREACHABLE);
  }

  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return json as T;

  const { code, message, ...details } =
    (json as { error?: Record<string, unknown> } | null)?.error ?? {};
  throw new PaymentApiError(
    response.status,
    typeof code === "string" ? code : "unexpected_response",
    typeof message === "string" ? message : "Something went wrong on our side. Please try again.",
    details,
  );
}

const paymentsPath = (cartId: string) => `/api/payments/${encodeURIComponent(cartId)}`;

// One call per cart version for the page's lifetime: React's strict-mode double mount, a
// re-render or coming back to the step share it. A failed call may be tried again.
const intents = new Map<string, Promise<IntentAnswer>>();

/** Creates the cart's PaymentIntent, or updates it when the cart changed since. */
export function prepareIntent(cartId: string, cartVersion: number): Promise<IntentAnswer> {
  const key = `${cartId}:v${cartVersion}`;
  const pending = intents.get(key);
  if (pending) return pending;

  const call = post<IntentAnswer>(`${paymentsPath(cartId)}/intent`).catch((error: unknown) => {
    intents.delete(key);
    throw error;
  });
  intents.set(key, call);
  return call;
}

export function finalizePayment(cartId: string, paymentIntentId: string): Promise<PlacedOrder> {
  return post<PlacedOrder>(`${paymentsPath(cartId)}/finalize`, { paymentIntentId });
}

/** Where the server says a paid cart's order is, if it is one of our confirmation pages. */
export function confirmationPath(orderId: unknown): string | null {
  if (typeof orderId !== "string" || !/^[0-9a-f-]{36}$/i.test(orderId)) return null;

  return `/checkout/confirmation/${orderId}`;
}
