import Link from "next/link";

import { countryName, type Details } from "@/lib/cart/details";

import styles from "./shipping-details.module.css";

interface Props {
  details: Details;
  /** Where the shopper goes to change them; omitted once the order is placed. */
  editHref?: string;
  /** Off where the email is shown elsewhere on the page. */
  showEmail?: boolean;
}

/** Who the order goes to, as entered on the Details step. */
export function ShippingDetails({ details, editHref, showEmail = true }: Props) {
  const { address } = details;

  return (
    <section className={`surface ${styles.card}`} aria-labelledby="shipping-details-title">
      <div className={styles.header}>
        <h2 id="shipping-details-title" className={styles.title}>
          Shipping to
        </h2>
        {editHref && (
          <Link href={editHref} className={styles.edit}>
            Edit<span className="sr-only"> your details</span>
          </Link>
        )}
      </div>
      <address className={styles.address}>
        <span>{details.name}</span>
        <span>{address.line1}</span>
        {address.line2 && <span>{address.line2}</span>}
        <span>
          {address.postalCode} {address.city}
        </span>
        <span>{countryName(address.country)}</span>
      </address>
      {showEmail && <p className={styles.email}>{details.email}</p>}
    </section>
  );
}
