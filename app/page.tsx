import { ProductCard } from "@/components/product-card";
import { currentCart } from "@/lib/cart/current-cart";
import { listProducts } from "@/lib/catalog/products";
import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  const [products, cart] = await Promise.all([listProducts(getDb()), currentCart()]);

  return (
    <div className="page">
      <div>
        <h1>Everything for a good cup</h1>
        <p className="lead">
          Pots, cups and beans we use every morning, shipped across Europe and beyond.
        </p>
      </div>
      {products.length === 0 ? (
        <p>The shop has no products yet. Please come back soon.</p>
      ) : (
        <ul className="product-grid" aria-label="Products">
          {products.map((product, index) => (
            <li key={product.id}>
              <ProductCard product={product} cartId={cart?.id ?? null} eager={index < 4} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
