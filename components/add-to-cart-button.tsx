"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import styles from "./add-to-cart-button.module.css";
import { addToCart, messageOf } from "./cart-api";

interface Props {
  productId: string;
  productName: string;
  /** The shopper's cart, or null before their first purchase. */
  cartId: string | null;
}

type Outcome = { kind: "added"; quantity: number } | { kind: "error"; message: string } | null;

export function AddToCartButton({ productId, productName, cartId }: Props) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function add() {
    if (adding) return;

    setAdding(true);
    setOutcome(null);
    try {
      const cart = await addToCart(cartId, productId);
      const line = cart.lines.find((candidate) => candidate.productId === productId);
      setOutcome({ kind: "added", quantity: line?.quantity ?? 1 });
      // Brings the header's item count (and the cart id, for a new cart) up to date.
      router.refresh();
    } catch (error) {
      setOutcome({ kind: "error", message: messageOf(error) });
    } finally {
      setAdding(false);
    }
  }

  return (
    <div className={styles.wrapper}>
      <button
        type="button"
        className="button"
        onClick={add}
        aria-disabled={adding}
        aria-label={adding ? `Adding ${productName}…` : `Add to cart: ${productName}`}
      >
        {adding ? "Adding…" : "Add to cart"}
      </button>
      <p role="status" className={styles.status}>
        {outcome?.kind === "added" && `Added — ${outcome.quantity} in your cart.`}
      </p>
      <p role="alert" className="error-text">
        {outcome?.kind === "error" && outcome.message}
      </p>
    </div>
  );
}
