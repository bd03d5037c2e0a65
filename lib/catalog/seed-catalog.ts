import type { Db } from "@/lib/db/client";

/** The demo shop's catalog; prices in euro cents. Pictures are drawn SVGs in public/products. */
export const SEED_PRODUCTS = [
  ["espresso-cup", "Espresso cup", "Thick-walled porcelain, keeps a ristretto hot.", 1200],
  ["moka-pot", "Moka pot", "Three-cup aluminium stovetop pot.", 3490],
  ["coffee-beans", "Coffee beans, 250 g", "Single-origin, medium roast, whole beans.", 1450],
  ["milk-frother", "Milk frother", "Stainless jug with a hand pump for silky foam.", 2290],
  ["pour-over", "Pour-over dripper", "Ceramic cone for one or two cups.", 2600],
  ["tea-tin", "Tea tin", "Airtight tin for 100 g of loose leaves.", 890],
  ["linen-apron", "Linen apron", "Washed linen with a chest pocket.", 3900],
  ["canvas-tote", "Canvas tote", "Heavy cotton bag for the market.", 1500],
] as const;

export const SEED_CURRENCY = "eur";

/** Fills an empty catalog; a catalog that has products is left as it is. */
export async function seedCatalogIfEmpty(db: Db): Promise<number> {
  if ((await db.product.count()) > 0) return 0;

  const { count } = await db.product.createMany({
    data: SEED_PRODUCTS.map(([id, name, description, priceAmount]) => ({
      id,
      name,
      description,
      priceAmount,
      currency: SEED_CURRENCY,
      imagePath: `/products/${id}.svg`,
    })),
    skipDuplicates: true,
  });
  return count;
}
