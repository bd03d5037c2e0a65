import { NextResponse } from "next/server";

import { cartIdParam } from "@/lib/cart/cart-requests";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { createOrUpdateIntent } from "@/lib/payments/create-or-update-intent";
import { getStripe } from "@/lib/stripe/client";

export const POST = route<{ cartId: string }>(async (_request, params) => {
  const cartId = cartIdParam(params.cartId);

  return NextResponse.json(await createOrUpdateIntent(getDb(), getStripe(), cartId));
});
