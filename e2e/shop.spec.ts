import { expect, test, type Page } from "@playwright/test";

import { cardNumberField } from "./support/shop";

const cartTotal = (page: Page) => page.getByRole("region", { name: "Cart total" });
const productCard = (page: Page, name: string) => page.getByRole("article", { name });
const quantityOf = (page: Page, name: string) =>
  page.getByRole("spinbutton", { name: `Quantity of ${name}` });

test("a shopper fills a cart, edits it and reaches Payment with valid details", async ({
  page,
}) => {
  await test.step("adds two products from the catalog", async () => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    await page.getByRole("button", { name: "Add to cart: Moka pot" }).click();
    await expect(productCard(page, "Moka pot").getByRole("status")).toHaveText(
      "Added — 1 in your cart.",
    );
    await page.getByRole("button", { name: "Add to cart: Espresso cup" }).click();
    await expect(productCard(page, "Espresso cup").getByRole("status")).toHaveText(
      "Added — 1 in your cart.",
    );

    await expect(page.getByRole("link", { name: /^Cart \(2 items\)$/ })).toBeVisible();
  });

  await test.step("changes a quantity and removes a line on the cart page", async () => {
    await page.getByRole("link", { name: /^Cart/ }).click();
    await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText("Cart");
    await expect(cartTotal(page)).toContainText("€46.90");

    await page.getByRole("button", { name: "Increase quantity of Moka pot" }).click();
    await expect(quantityOf(page, "Moka pot")).toHaveValue("2");
    await expect(cartTotal(page)).toContainText("€81.80");

    await quantityOf(page, "Moka pot").fill("3");
    await quantityOf(page, "Moka pot").press("Enter");
    await expect(cartTotal(page)).toContainText("€116.70");

    await page.getByRole("button", { name: "Remove Espresso cup" }).click();
    await expect(page.getByRole("heading", { name: "Espresso cup" })).toHaveCount(0);
    await expect(cartTotal(page)).toContainText("€104.70");
    await expect(page.getByRole("link", { name: /^Cart \(3 items\)$/ })).toBeVisible();
  });

  await test.step("is shown every problem when the empty Details form is sent", async () => {
    await page.getByRole("link", { name: "Continue to details" }).click();
    await expect(page).toHaveURL(/\/checkout\/details$/);

    await page.getByRole("button", { name: "Continue to payment" }).click();

    const summary = page.getByRole("region", { name: "Please check these fields" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText([
      "Enter a valid email address.",
      "Name is required.",
      "Address is required.",
      "City is required.",
      "Postal code is required.",
    ]);
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription(
      /Enter a valid email address\./,
    );
  });

  await test.step("reaches Payment with valid details and sees the order summary", async () => {
    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Full name").fill("Ada Lovelace");
    await page.getByLabel("Address", { exact: true }).fill("Via Roma 1");
    await page.getByLabel("Postal code").fill("10121");
    await page.getByLabel("City").fill("Torino");
    await expect(page.getByLabel("Country")).toHaveValue("IT");
    await page.getByRole("button", { name: "Continue to payment" }).click();

    await expect(page).toHaveURL(/\/checkout\/payment$/);
    await expect(page.getByRole("heading", { name: "Payment", level: 1 })).toBeVisible();
    const summary = page.getByRole("region", { name: "Order summary" });
    await expect(summary).toContainText("Moka pot");
    await expect(summary).toContainText("3 × €34.90");
    await expect(summary).toContainText("€104.70");
    await expect(summary).not.toContainText("Espresso cup");
    await expect(page.getByRole("region", { name: "Shipping to" })).toContainText("Torino");
    await expect(cardNumberField(page)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole("button", { name: "Pay €104.70" })).toBeEnabled();
  });
});
