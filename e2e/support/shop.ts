// Shopper steps shared by the browser tests. The flows under test go through the pages; tests
// about a later step fill the cart through the shop's own API, with the browser's cookies.
import type { BrowserContext, Locator, Page } from "@playwright/test";

import { E2E_REAL_STRIPE } from "../../playwright.config";

import { expect } from "./fixtures";

export const SHOPPER = {
  email: "ada@example.com",
  name: "Ada Lovelace",
  address: { line1: "Via Roma 1", city: "Torino", postalCode: "10121", country: "IT" },
};

/** Prices of the seeded catalog, in euro cents. */
export const PRICES = { "moka-pot": 3490, "espresso-cup": 1200, "tea-tin": 890 } as const;

type ProductId = keyof typeof PRICES;

/**
 * A cart with these lines and the shopper's details, made through the shop's API in the page's
 * browser context (so its cookies are the page's): the next stop is /checkout/payment.
 */
export async function cartReadyToPay(
  page: Page,
  lines: Partial<Record<ProductId, number>> = { "moka-pot": 1 },
): Promise<string> {
  const created = await page.request.post("/api/cart");
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  for (const [productId, quantity] of Object.entries(lines)) {
    const added = await page.request.post(`/api/cart/${id}/lines`, {
      data: { productId, quantity },
    });
    expect(added.ok()).toBe(true);
  }
  const saved = await page.request.put(`/api/cart/${id}/details`, { data: SHOPPER });
  expect(saved.ok()).toBe(true);

  return id;
}

/** Types the shopper's details into the Details step, as a person would. */
export async function fillDetails(page: Page): Promise<void> {
  await page.getByLabel("Email").fill(SHOPPER.email);
  await page.getByLabel("Full name").fill(SHOPPER.name);
  await page.getByLabel("Address", { exact: true }).fill(SHOPPER.address.line1);
  await page.getByLabel("Postal code").fill(SHOPPER.address.postalCode);
  await page.getByLabel("City").fill(SHOPPER.address.city);
}

export async function cartIdOf(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find(({ name }) => name === "checkout_cart");
  if (!cookie) throw new Error("the browser has no cart cookie");

  return cookie.value;
}

export const payButton = (page: Page) => page.getByRole("button", { name: /^Pay / });

/**
 * Where the card fields are: on the page for the emulator's stand-in, inside Stripe's iframe for
 * the real Payment Element.
 */
function cardForm(page: Page): Page | ReturnType<Page["frameLocator"]> {
  return E2E_REAL_STRIPE
    ? page.frameLocator('iframe[title="Secure payment input frame"]').first()
    : page;
}

export function cardNumberField(page: Page): Locator {
  return cardForm(page).getByLabel("Card number");
}

/** Types a card with a future expiry and any CVC, replacing what was typed before. */
export async function fillCard(page: Page, number: string): Promise<void> {
  const form = cardForm(page);
  await form.getByLabel("Card number").fill(number);
  await form.getByLabel(/^Expiration/).fill("12 / 34");
  await form.getByLabel(/^Security code/).fill("123");
}

/** Waits for the Payment Element and an enabled Pay button showing this amount. */
export async function paymentFormReady(page: Page, amount: string): Promise<void> {
  await expect(cardNumberField(page)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: `Pay ${amount}` })).toBeEnabled();
}

/** The Confirmation page after a payment: its URL ends with the order id, answered here. */
export async function confirmationReached(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/checkout\/confirmation\/[0-9a-f-]{36}$/, { timeout: 20_000 });

  return new URL(page.url()).pathname.split("/").at(-1)!;
}

export const orderStatus = (page: Page) =>
  page.getByRole("definition").filter({ has: page.locator("[data-status]") });
