// Cart changes. Each one locks the cart row by bumping its version in the same transaction,
// so concurrent changes serialise and the version counts every change exactly once.
import { Prisma } from "@prisma/client";

import { getConfig } from "@/lib/config/config";
import type { Db, Tx } from "@/lib/db/client";
import { ApiError, notFound } from "@/lib/http/api-error";

import { toCartView, type CartView } from "./cart-view";
import type { Details } from "./details";
import { newOpaqueId } from "./ids";
import { MAX_LINES, MAX_QUANTITY } from "./limits";
import { readCart } from "./read-cart";

const shopCurrency = () => getConfig().stripe.currency;

export async function createCart(db: Db, userId: string): Promise<CartView> {
  const cart = await db.cart.create({ data: { id: newOpaqueId(), userId } });
  return toCartView({ ...cart, lines: [] }, shopCurrency());
}

export async function findCart(db: Db | Tx, cartId: string): Promise<CartView | null> {
  const cart = await readCart(db, cartId);
  return cart && toCartView(cart, shopCurrency());
}

export async function getCart(db: Db | Tx, cartId: string): Promise<CartView> {
  const cart = await findCart(db, cartId);
  if (!cart) throw notFound("cart");

  return cart;
}

/** Runs `change` with the cart locked and its version bumped; answers the cart afterwards. */
async function changeCart(
  db: Db,
  cartId: string,
  change: (tx: Tx) => Promise<void>,
): Promise<CartView> {
  return db.$transaction(async (tx) => {
    const bumped = await tx.cart.updateMany({
      where: { id: cartId },
      data: { version: { increment: 1 } },
    });
    if (bumped.count === 0) throw notFound("cart");

    await change(tx);
    return getCart(tx, cartId);
  });
}

async function requireProduct(tx: Tx, productId: string): Promise<void> {
  const product = await tx.product.findUnique({
    where: { id: productId },
    select: { active: true },
  });
  if (!product?.active) {
    throw new ApiError(
      422,
      "unknown_product",
      `There is no product "${productId}" in the catalog.`,
    );
  }
}

function quantityLimit(): ApiError {
  return new ApiError(422, "quantity_limit", `At most ${MAX_QUANTITY} of one product per order.`);
}

export function addLine(db: Db, cartId: string, productId: string, quantity: number) {
  return changeCart(db, cartId, async (tx) => {
    await requireProduct(tx, productId);
    const key = { cartId_productId: { cartId, productId } };
    const existing = await tx.cartLine.findUnique({ where: key });
    if ((existing?.quantity ?? 0) + quantity > MAX_QUANTITY) throw quantityLimit();
    if (!existing && (await tx.cartLine.count({ where: { cartId } })) >= MAX_LINES) {
      throw new ApiError(422, "too_many_lines", `A cart holds at most ${MAX_LINES} products.`);
    }

    await tx.cartLine.upsert({
      where: key,
      create: { cartId, productId, quantity },
      update: { quantity: { increment: quantity } },
    });
  });
}

/** Sets a line's quantity; 0 removes the line. */
export function setLineQuantity(db: Db, cartId: string, productId: string, quantity: number) {
  if (quantity > MAX_QUANTITY) throw quantityLimit();

  return changeCart(db, cartId, async (tx) => {
    const key = { cartId_productId: { cartId, productId } };
    try {
      if (quantity === 0) await tx.cartLine.delete({ where: key });
      else await tx.cartLine.update({ where: key, data: { quantity } });
    } catch (error) {
      throw isMissingRecord(error) ? notFound("line") : error;
    }
  });
}

export function removeLine(db: Db, cartId: string, productId: string) {
  return setLineQuantity(db, cartId, productId, 0);
}

export function saveDetails(db: Db, cartId: string, details: Details) {
  return changeCart(db, cartId, async (tx) => {
    await tx.cart.update({
      where: { id: cartId },
      data: {
        email: details.email,
        name: details.name,
        addressLine1: details.address.line1,
        addressLine2: details.address.line2 ?? null,
        city: details.address.city,
        postalCode: details.address.postalCode,
        country: details.address.country,
      },
    });
  });
}

function isMissingRecord(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025";
}
