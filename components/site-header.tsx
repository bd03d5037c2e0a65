import Link from "next/link";

import styles from "./site-header.module.css";

export function SiteHeader({ itemCount }: { itemCount: number }) {
  const items = itemCount === 1 ? "1 item" : `${itemCount} items`;

  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          <svg className={styles.logo} viewBox="0 0 32 32" aria-hidden="true">
            <path d="M6 12h17v7a8 8 0 0 1-8 8h-1a8 8 0 0 1-8-8z" fill="currentColor" />
            <path
              d="M23 14h2a3.5 3.5 0 0 1 0 7h-2.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.5"
            />
            <path
              d="M11 4c-1.5 2 1.5 3 0 5M16 4c-1.5 2 1.5 3 0 5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
            />
          </svg>
          Caffè Checkout
        </Link>
        <nav aria-label="Shop">
          <Link href="/cart" className={styles.cartLink}>
            <svg className={styles.cartIcon} viewBox="0 0 24 24" aria-hidden="true">
              <path
                d="M3 4h2.5l2.2 10.5a2 2 0 0 0 2 1.5h7.6a2 2 0 0 0 2-1.5L21 8H6.6"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
              <circle cx="10" cy="20" r="1.6" fill="currentColor" />
              <circle cx="17" cy="20" r="1.6" fill="currentColor" />
            </svg>
            Cart
            <span className={styles.count}>
              <span aria-hidden="true">{itemCount}</span>
              <span className="sr-only">({items})</span>
            </span>
          </Link>
        </nav>
      </div>
    </header>
  );
}
