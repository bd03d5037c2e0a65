// For server components: the cart the shopper's cookie points at, if it still exists.
import { cookies } from "next/headers";

import { getDb } from "@/lib/db/client";

import { findCart } from "./cart-service";
import type { CartView } from "./cart-view";
import { CART_COOKIE } from "./cookies";
import { isOpaqueId } from "./ids";

export async function currentCart(): Promise<CartView | null> {
  const cartId = (await cookies()).get(CART_COOKIE)?.value;
  if (!isOpaqueId(cartId)) return null;

  return findCart(getDb(), cartId);
}
