import Image from "next/image";

import type { CartLineView } from "@/lib/cart/cart-view";
import { formatMoney, type Money } from "@/lib/money/currency";

import styles from "./order-summary.module.css";

/** A cart's lines have pictures; an order's recorded lines do not. */
type SummaryLine = Omit<CartLineView, "imagePath"> & { imagePath?: string };

interface Props {
  cart: { lines: SummaryLine[]; total: Money };
  /** Heading text; the heading level suits a sidebar beside the step's own h1. */
  title?: string;
}

/** The lines and total of an order, read-only: beside Details and Payment, and on Confirmation. */
export function OrderSummary({ cart, title = "Order summary" }: Props) {
  const { currency } = cart.total;

  return (
    <section className={`surface ${styles.summary}`} aria-labelledby="order-summary-title">
      <h2 id="order-summary-title" className={styles.title}>
        {title}
      </h2>
      <ul className={styles.lines}>
        {cart.lines.map((line) => (
          <li key={line.productId} className={styles.line}>
            {line.imagePath ? (
              <Image
                className={styles.picture}
                src={line.imagePath}
                alt=""
                width={60}
                height={48}
                unoptimized
              />
            ) : (
              <span className={styles.picture} aria-hidden="true" />
            )}
            <div className={styles.what}>
              <span className={styles.name}>{line.name}</span>
              <span className={styles.detail}>
                {line.quantity} × {formatMoney({ amount: line.unitAmount, currency })}
              </span>
            </div>
            <span className={styles.amount}>
              {formatMoney({ amount: line.lineAmount, currency })}
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.total}>
        <span>Total</span>
        <span className={styles.amount}>{formatMoney(cart.total)}</span>
      </p>
    </section>
  );
}
