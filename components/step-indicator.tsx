import Link from "next/link";

import styles from "./step-indicator.module.css";

export type CheckoutStep = "cart" | "details" | "payment" | "confirmation";

const STEPS: { step: CheckoutStep; label: string; href: string | null }[] = [
  { step: "cart", label: "Cart", href: "/cart" },
  { step: "details", label: "Details", href: "/checkout/details" },
  { step: "payment", label: "Payment", href: "/checkout/payment" },
  // Reached only by paying, so it is never a link.
  { step: "confirmation", label: "Confirmation", href: null },
];

/** Where the shopper is in the checkout; steps already done link back until the order exists. */
export function StepIndicator({ current }: { current: CheckoutStep }) {
  const currentIndex = STEPS.findIndex(({ step }) => step === current);
  // Once the order is placed its cart is gone, so the earlier steps lead nowhere.
  const placed = current === "confirmation";

  return (
    <nav aria-label="Checkout steps" className={styles.nav}>
      <ol className={styles.steps}>
        {STEPS.map(({ step, label, href }, index) => {
          const state = index < currentIndex ? "done" : index === currentIndex ? "current" : "todo";
          const content = (
            <>
              <span className={styles.marker} aria-hidden="true">
                {state === "done" ? "✓" : index + 1}
              </span>
              <span className={styles.label}>{label}</span>
              {state === "done" && <span className="sr-only"> (completed)</span>}
            </>
          );

          return (
            <li
              key={step}
              className={styles.step}
              data-state={state}
              aria-current={state === "current" ? "step" : undefined}
            >
              {state === "done" && href && !placed ? (
                <Link href={href} className={styles.link}>
                  {content}
                </Link>
              ) : (
                <span className={styles.link}>{content}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
