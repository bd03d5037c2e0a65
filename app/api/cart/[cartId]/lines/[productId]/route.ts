import { NextResponse } from "next/server";

import { accessibleCartId } from "@/lib/cart/cart-access";
import { productIdParam, setQuantitySchema } from "@/lib/cart/cart-requests";
import { removeLine, setLineQuantity } from "@/lib/cart/cart-service";
import { getDb } from "@/lib/db/client";
import { readJson } from "@/lib/http/read-json";
import { route } from "@/lib/http/route";

type Params = { cartId: string; productId: string };

export const PATCH = route<Params>(async (request, params) => {
  const cartId = await accessibleCartId(getDb(), request, params.cartId);
  const productId = productIdParam(params.productId);
  const { quantity } = await readJson(request, setQuantitySchema);

  return NextResponse.json(await setLineQuantity(getDb(), cartId, productId, quantity));
});

export const DELETE = route<Params>(async (request, params) => {
  const cartId = await accessibleCartId(getDb(), request, params.cartId);
  const productId = productIdParam(params.productId);

  return NextResponse.json(await removeLine(getDb(), cartId, productId));
});
