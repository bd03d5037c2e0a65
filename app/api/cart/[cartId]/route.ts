import { NextResponse } from "next/server";

import { cartIdParam } from "@/lib/cart/cart-requests";
import { getCart } from "@/lib/cart/cart-service";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";

export const GET = route<{ cartId: string }>(async (_request, { cartId }) =>
  NextResponse.json(await getCart(getDb(), cartIdParam(cartId))),
);
