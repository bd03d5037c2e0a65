import { NextResponse } from "next/server";

import { accessibleCartId } from "@/lib/cart/cart-access";
import { getCart } from "@/lib/cart/cart-service";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const GET = route<{ cartId: string }>(async (request, params) => {
  const cartId = await accessibleCartId(getDb(), request, params.cartId);

  return NextResponse.json(await getCart(getDb(), cartId));
});
