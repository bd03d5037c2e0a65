import type { Money } from "@/lib/money/currency";

import type { Details } from "./details";
import type { CartRecord } from "./read-cart";

export interface CartLineView {
  productId: string;
  name: string;
  imagePath: string;
  unitAmount: number;
  quantity: number;
  lineAmount: number;
}

export interface CartView {
  id: string;
  version: number;
  lines: CartLineView[];
  total: Money;
  details: Details | null;
  paymentIntentId: string | null;
}

/** Amounts come from the catalog at the time of reading, never from the client. */
export function toCartView(cart: CartRecord, shopCurrency: string): CartView {
  const lines = cart.lines.map((line) => ({
    productId: line.productId,
    name: line.name,
    imagePath: line.imagePath,
    unitAmount: line.priceAmount,
    quantity: line.quantity,
    lineAmount: line.priceAmount * line.quantity,
  }));

  return {
    id: cart.id,
    version: cart.version,
    lines,
    total: {
      amount: lines.reduce((sum, line) => sum + line.lineAmount, 0),
      currency: shopCurrency,
    },
    details: detailsOf(cart),
    paymentIntentId: cart.paymentIntentId,
  };
}

function detailsOf(cart: CartRecord): Details | null {
  if (!cart.email || !cart.name || !cart.addressLine1 || !cart.city || !cart.postalCode)
    return null;
  if (!cart.country) return null;

  return {
    email: cart.email,
    name: cart.name,
    address: {
      line1: cart.addressLine1,
      line2: cart.addressLine2 ?? undefined,
      city: cart.city,
      postalCode: cart.postalCode,
      country: cart.country,
    },
  };
}
