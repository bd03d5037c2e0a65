// Request bodies and path parameters of the cart API, parsed once at the edge.
import { z } from "zod";

import { notFound } from "@/lib/http/api-error";

import { MAX_QUANTITY } from "./limits";
import { isOpaqueId } from "./ids";

const quantity = (min: number) =>
  z
    .number({ error: "quantity must be a number." })
    .int("quantity must be a whole number.")
    .min(min, `quantity must be at least ${min}.`)
    .max(MAX_QUANTITY, `quantity must be at most ${MAX_QUANTITY}.`);

export const productIdSchema = z
  .string({ error: "productId must be a string." })
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "productId is not a valid product id.");

export const addLineSchema = z.strictObject({ productId: productIdSchema, quantity: quantity(1) });
export const setQuantitySchema = z.strictObject({ quantity: quantity(0) });

/** Ids that cannot exist are answered like unknown ones, so they reveal nothing. */
export function cartIdParam(cartId: string): string {
  if (!isOpaqueId(cartId)) throw notFound("cart");
  return cartId;
}

export function productIdParam(productId: string): string {
  if (!productIdSchema.safeParse(productId).success) throw notFound("line");
  return productId;
}
