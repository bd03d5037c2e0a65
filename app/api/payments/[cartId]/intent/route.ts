import { NextResponse } from "next/server";

import { accessibleCartId } from "@/lib/cart/cart-access";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { createOrUpdateIntent } from "@/lib/payments/create-or-update-intent";
import { getStripe } from "@/lib/stripe/client";

export const POST = route<{ cartId: string }>(async (request, params) => {
  const cartId = await accessibleCartId(getDb(), request, params.cartId);

  return NextResponse.json(await createOrUpdateIntent(getDb(), getStripe(), cartId));
});
