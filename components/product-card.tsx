import Image from "next/image";

import type { ProductView } from "@/lib/catalog/products";
import { formatMoney } from "@/lib/money/currency";

import { AddToCartButton } from "./add-to-cart-button";
import styles from "./product-card.module.css";

interface Props {
  product: ProductView;
  cartId: string | null;
  /** For the cards above the fold, so their pictures are not held back by lazy loading. */
  eager?: boolean;
}

export function ProductCard({ product, cartId, eager = false }: Props) {
  const headingId = `product-${product.id}`;

  return (
    <article className={`surface ${styles.card}`} aria-labelledby={headingId}>
      <Image
        className={styles.picture}
        src={product.imagePath}
        alt={product.name}
        width={200}
        height={160}
        loading={eager ? "eager" : "lazy"}
        unoptimized
      />
      <div className={styles.body}>
        <h2 id={headingId} className={styles.name}>
          {product.name}
        </h2>
        <p className={styles.description}>{product.description}</p>
        <p className={styles.price}>{formatMoney(product.price)}</p>
        <AddToCartButton productId={product.id} productName={product.name} cartId={cartId} />
      </div>
    </article>
  );
}
