// For server components: the cart the shopper's cookie points at, if it still exists and is
// theirs (the same rule as the cart API's, see cart-access.ts).
import { cookies } from "next/headers";

import { getConfig } from "@/lib/config/config";
import { getDb } from "@/lib/db/client";

import { isShoppersCart } from "./cart-access";
import { toCartView, type CartView } from "./cart-view";
import { CART_COOKIE, USER_COOKIE } from "./cookies";
import { isOpaqueId } from "./ids";
import { readCart } from "./read-cart";

export async function currentCart(): Promise<CartView | null> {
  const jar = await cookies();
  const cartId = jar.get(CART_COOKIE)?.value;
  if (!isOpaqueId(cartId)) return null;

  const cart = await readCart(getDb(), cartId);
  if (!cart || !isShoppersCart(cart.userId, jar.get(USER_COOKIE)?.value)) return null;

  return toCartView(cart, getConfig().stripe.currency);
}
