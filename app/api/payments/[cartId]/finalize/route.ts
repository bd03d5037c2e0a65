import { NextResponse } from "next/server";

import { accessibleCartId } from "@/lib/cart/cart-access";
import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";
import { finalizePayment } from "@/lib/payments/finalize-payment";
import { finalizeSchema } from "@/lib/payments/payment-requests";
import { getStripe } from "@/lib/stripe/client";

export const POST = route<{ cartId: string }>(async (request, params) => {
  const cartId = await accessibleCartId(getDb(), request, params.cartId);
  const { paymentIntentId } = await readJson(request, finalizeSchema);

  const { httpStatus, ...order } = await finalizePayment(
    getDb(),
    getStripe(),
    cartId,
    paymentIntentId,
  );
  return NextResponse.json(order, { status: httpStatus });
});
