import { NextResponse } from "next/server";

import { accessibleCartId } from "@/lib/cart/cart-access";
import { addLineSchema } from "@/lib/cart/cart-requests";
import { addLine } from "@/lib/cart/cart-service";
import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";

export const POST = route<{ cartId: string }>(async (request, params) => {
  const cartId = await accessibleCartId(getDb(), request, params.cartId);
  const { productId, quantity } = await readJson(request, addLineSchema);

  return NextResponse.json(await addLine(getDb(), cartId, productId, quantity));
});
