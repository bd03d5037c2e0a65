import type { CartLineView } from "@/lib/cart/cart-view";

/** One line of an order as it was charged; kept on the order whatever the catalog does later. */
export type OrderLine = {
  productId: string;
  name: string;
  unitAmount: number;
  quantity: number;
  lineAmount: number;
};

export function snapshotLines(lines: CartLineView[]): OrderLine[] {
  return lines.map(({ productId, name, unitAmount, quantity, lineAmount }) => ({
    productId,
    name,
    unitAmount,
    quantity,
    lineAmount,
  }));
}

export function parseOrderLines(value: unknown): OrderLine[] {
  return Array.isArray(value) ? (value as OrderLine[]) : [];
}
