import Image from "next/image";

import type { CartView } from "@/lib/cart/cart-view";
import { formatMoney } from "@/lib/money/currency";

import styles from "./order-summary.module.css";

interface Props {
  cart: Pick<CartView, "lines" | "total">;
  /** Heading text; the heading level suits a sidebar beside the step's own h1. */
  title?: string;
}

/** The lines and total of an order, read-only: used beside the Details form and on Payment. */
export function OrderSummary({ cart, title = "Order summary" }: Props) {
  const { currency } = cart.total;

  return (
    <section className={styles.summary} aria-labelledby="order-summary-title">
      <h2 id="order-summary-title" className={styles.title}>
        {title}
      </h2>
      <ul className={styles.lines}>
        {cart.lines.map((line) => (
          <li key={line.productId} className={styles.line}>
            <Image
              className={styles.picture}
              src={line.imagePath}
              alt=""
              width={60}
              height={48}
              unoptimized
            />
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
