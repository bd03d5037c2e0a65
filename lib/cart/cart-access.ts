// Which cart a request may use. The cart id is the bearer secret; the shopper cookie is a second
// check: a browser that carries another shopper's id is answered as for an unknown cart, so an
// id that leaked (a log line, a shared request) does not open the cart from someone else's
// browser. Callers without that cookie (operators, scripts) are judged on the id alone.
import type { NextRequest } from "next/server";

import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/http/api-error";
import { addLogContext } from "@/lib/log/context";

import { cartIdParam } from "./cart-requests";
import { USER_COOKIE } from "./cookies";
import { isOpaqueId } from "./ids";

/** False only when the request's shopper cookie names someone other than the cart's shopper. */
export function isShoppersCart(cartUserId: string, shopperCookie: string | undefined): boolean {
  return !isOpaqueId(shopperCookie) || shopperCookie === cartUserId;
}

/** The path's cart id, once it is known not to be another shopper's cart. */
export async function accessibleCartId(
  db: Db,
  request: NextRequest,
  rawCartId: string,
): Promise<string> {
  const cartId = cartIdParam(rawCartId);
  addLogContext({ CartId: cartId });
  const shopperCookie = request.cookies.get(USER_COOKIE)?.value;
  if (!isOpaqueId(shopperCookie)) return cartId;

  // A cart's shopper never changes, so this answer holds for the rest of the request.
  const [cart] = await db.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Cart" WHERE id = ${cartId}`;
  if (cart && !isShoppersCart(cart.userId, shopperCookie)) throw notFound("cart");

  return cartId;
}
