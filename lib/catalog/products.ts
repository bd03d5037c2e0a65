import type { Db } from "@/lib/db/client";
import type { Money } from "@/lib/money/currency";

export interface ProductView {
  id: string;
  name: string;
  description: string;
  price: Money;
  imagePath: string;
}

export async function listProducts(db: Db): Promise<ProductView[]> {
  const products = await db.product.findMany({
    where: { active: true },
    orderBy: { createdAt: "asc" },
  });

  return products.map((product) => ({
    id: product.id,
    name: product.name,
    description: product.description,
    price: { amount: product.priceAmount, currency: product.currency },
    imagePath: product.imagePath,
  }));
}

/** Currencies of the active catalog; the shop's STRIPE_CURRENCY must be the only one. */
export async function catalogCurrencies(db: Db): Promise<string[]> {
  const rows = await db.product.findMany({
    where: { active: true },
    distinct: ["currency"],
    select: { currency: true },
  });
  return rows.map((row) => row.currency.toLowerCase());
}
