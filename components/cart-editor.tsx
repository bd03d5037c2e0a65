"use client";

import Image from "next/image";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";

import type { CartLineView, CartView } from "@/lib/cart/cart-view";
import { formatMoney } from "@/lib/money/currency";

import { messageOf, removeLine, setQuantity } from "./cart-api";
import styles from "./cart-editor.module.css";
import { QuantityControl } from "./quantity-control";

interface Props {
  /** The shopper's cart, or null before their first purchase. */
  cart: Pick<CartView, "id" | "lines" | "total"> | null;
  maxQuantity: number;
}

interface LineError {
  productId: string;
  message: string;
}

/** The cart page's contents: editable lines, the total and the way on, or the empty state. */
export function CartEditor({ cart, maxQuantity }: Props) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [busyProductId, setBusyProductId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [lineError, setLineError] = useState<LineError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function change(line: CartLineView, request: (cartId: string) => Promise<CartView>) {
    if (!cart || isPending) return;

    setBusyProductId(line.productId);
    setLineError(null);
    startTransition(async () => {
      try {
        setAnnouncement(describeChange(line, await request(cart.id)));
        router.refresh();
      } catch (error) {
        setLineError({ productId: line.productId, message: messageOf(error) });
      } finally {
        setBusyProductId(null);
      }
    });
  }

  function remove(line: CartLineView) {
    change(line, (id) => removeLine(id, line.productId));
    // The Remove button is about to disappear; the heading is the steady place to land.
    headingRef.current?.focus();
  }

  return (
    <>
      <h1 ref={headingRef} tabIndex={-1} className={styles.heading}>
        Your cart
      </h1>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      {!cart || cart.lines.length === 0 ? (
        <div className={styles.empty}>
          <p>Your cart is empty.</p>
          <Link href="/" className="button">
            Browse the catalog
          </Link>
        </div>
      ) : (
        <div className={styles.layout}>
          <ul className={`surface ${styles.lines}`} aria-label="Products in your cart">
            {cart.lines.map((line) => (
              <li
                key={line.productId}
                className={styles.line}
                aria-busy={busyProductId === line.productId}
              >
                <Image
                  className={styles.picture}
                  src={line.imagePath}
                  alt=""
                  width={100}
                  height={80}
                  unoptimized
                />
                <div className={styles.what}>
                  <h2 className={styles.name}>{line.name}</h2>
                  <p className={styles.unit}>
                    {formatMoney({ amount: line.unitAmount, currency: cart.total.currency })} each
                  </p>
                </div>
                <div className={styles.controls}>
                  <QuantityControl
                    productName={line.name}
                    quantity={line.quantity}
                    maxQuantity={maxQuantity}
                    busy={isPending}
                    onChange={(quantity) =>
                      change(line, (id) => setQuantity(id, line.productId, quantity))
                    }
                  />
                  <button
                    type="button"
                    className={styles.remove}
                    onClick={() => remove(line)}
                    aria-disabled={isPending}
                  >
                    Remove<span className="sr-only"> {line.name}</span>
                  </button>
                </div>
                <p className={styles.lineTotal}>
                  <span className="sr-only">Line total: </span>
                  {formatMoney({ amount: line.lineAmount, currency: cart.total.currency })}
                </p>
                <p role="alert" className={`error-text ${styles.error}`}>
                  {lineError?.productId === line.productId ? lineError.message : ""}
                </p>
              </li>
            ))}
          </ul>
          <section className={`surface ${styles.summary}`} aria-label="Cart total">
            <p className={styles.totalRow}>
              <span>Total</span>
              <span className={styles.totalAmount}>{formatMoney(cart.total)}</span>
            </p>
            <Link href="/checkout/details" className="button">
              Continue to details
            </Link>
            <Link href="/" className={styles.keepShopping}>
              Keep shopping
            </Link>
          </section>
        </div>
      )}
    </>
  );
}

function describeChange(line: CartLineView, changed: CartView): string {
  if (changed.lines.length === 0) return `Removed ${line.name}. Your cart is empty.`;

  const total = `Cart total ${formatMoney(changed.total)}.`;
  const updated = changed.lines.find((candidate) => candidate.productId === line.productId);
  if (!updated) return `Removed ${line.name}. ${total}`;

  return `${line.name}: quantity ${updated.quantity}. ${total}`;
}
