// A cart with its lines and current prices, read in one statement.
// Raw SQL on purpose: Prisma 6's WebAssembly query compiler plans every model query anew, which
// costs milliseconds of CPU each, and this read is on every cart and payment request.
import { Prisma } from "@prisma/client";

import type { Db, Tx } from "@/lib/db/client";

export interface CartRecord {
  id: string;
  userId: string;
  version: number;
  email: string | null;
  name: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  paymentIntentId: string | null;
  intentAmount: number | null;
  intentCurrency: string | null;
  intentCartVersion: number | null;
  intentLines: Prisma.JsonValue | null;
  lines: {
    productId: string;
    quantity: number;
    name: string;
    imagePath: string;
    priceAmount: number;
  }[];
}

/** The cart, or null; with `lock` its row stays locked until the caller's transaction ends. */
export async function readCart(
  db: Db | Tx,
  cartId: string,
  { lock = false } = {},
): Promise<CartRecord | null> {
  const [cart] = await db.$queryRaw<CartRecord[]>`
    SELECT c.id, c."userId", c.version, c.email, c.name, c."addressLine1", c."addressLine2",
           c.city, c."postalCode", c.country, c."paymentIntentId", c."intentAmount",
           c."intentCurrency", c."intentCartVersion", c."intentLines",
           (SELECT coalesce(json_agg(json_build_object(
                     'productId', l."productId", 'quantity', l.quantity, 'name', p.name,
                     'imagePath', p."imagePath", 'priceAmount', p."priceAmount")
                   ORDER BY l."addedAt", l."productId"), '[]')
              FROM "CartLine" l JOIN "Product" p ON p.id = l."productId"
             WHERE l."cartId" = c.id) AS lines
      FROM "Cart" c
     WHERE c.id = ${cartId}
       ${lock ? Prisma.sql`FOR UPDATE OF c` : Prisma.empty}`;

  return cart ?? null;
}
