// Where Stripe sends the shopper back after a redirect-based payment (a bank page, a wallet):
// the order is finalized here, on the server, exactly as the Payment step does in the browser.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { CART_COOKIE } from "@/lib/cart/cookies";
import { isOpaqueId } from "@/lib/cart/ids";
import { getDb } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { runWithLogContext } from "@/lib/log/context";
import { traceIdFrom } from "@/lib/log/trace";
import { finalizePayment } from "@/lib/payments/finalize-payment";
import { finalizeSchema } from "@/lib/payments/payment-requests";
import { getStripe } from "@/lib/stripe/client";

export const dynamic = "force-dynamic";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function PaymentReturnPage({ searchParams }: Props) {
  const cartId = (await cookies()).get(CART_COOKIE)?.value;
  const parsed = finalizeSchema.safeParse({ paymentIntentId: (await searchParams).payment_intent });
  if (!isOpaqueId(cartId) || !parsed.success) redirect("/checkout/payment");

  redirect(await destination(cartId, parsed.data.paymentIntentId));
}

async function destination(cartId: string, paymentIntentId: string): Promise<string> {
  try {
    const order = await runWithLogContext({ TraceId: traceIdFrom(null) }, () =>
      finalizePayment(getDb(), getStripe(), cartId, paymentIntentId),
    );
    return `/checkout/confirmation/${order.orderId}`;
  } catch (error) {
    // Declined or not usable: back to the Payment step, which shows Stripe's reason.
    if (error instanceof ApiError && error.status < 500) return "/checkout/payment?payment=unpaid";
    throw error;
  }
}
