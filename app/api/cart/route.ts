import { NextResponse } from "next/server";

import { createCart } from "@/lib/cart/cart-service";
import {
  CART_COOKIE,
  CART_MAX_AGE,
  cookieOptions,
  shopperIdFrom,
  USER_COOKIE,
  USER_MAX_AGE,
} from "@/lib/cart/cookies";
import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/route";
import { addLogContext } from "@/lib/log/context";

export const POST = route(async (request) => {
  const { userId, isNew } = shopperIdFrom(request.cookies.get(USER_COOKIE)?.value);
  const cart = await createCart(getDb(), userId);
  addLogContext({ CartId: cart.id, UserId: userId });

  const response = NextResponse.json(cart, { status: 201 });
  response.cookies.set(CART_COOKIE, cart.id, cookieOptions(request, CART_MAX_AGE));
  if (isNew) response.cookies.set(USER_COOKIE, userId, cookieOptions(request, USER_MAX_AGE));

  return response;
});
