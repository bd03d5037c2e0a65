import type { Metadata } from "next";

import { CartEditor } from "@/components/cart-editor";
import { StepIndicator } from "@/components/step-indicator";
import { MAX_QUANTITY } from "@/lib/cart/limits";
import { currentCart } from "@/lib/cart/current-cart";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Cart" };

export default async function CartPage() {
  const cart = await currentCart();

  return (
    <div className="page">
      <StepIndicator current="cart" />
      <CartEditor cart={cart} maxQuantity={MAX_QUANTITY} />
    </div>
  );
}
