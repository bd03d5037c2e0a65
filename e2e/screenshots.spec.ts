// Screenshots of every checkout step on a desktop and a phone-sized screen, kept as test
// artifacts (test-results/) and attached to the report. With UPDATE_SCREENSHOTS=1 they also
// replace the pictures in docs/screenshots/ that the README shows.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";

import type { Page, TestInfo } from "@playwright/test";

import { E2E_REAL_STRIPE } from "../playwright.config";

import { expect, test } from "./support/fixtures";
import { confirmationReached, fillCard, fillDetails, paymentFormReady } from "./support/shop";
import { CARDS, NEEDS_EMULATOR } from "./support/stripe";

const DOCS = path.join(process.cwd(), "docs", "screenshots");
const SCREENS = {
  desktop: { width: 1280, height: 860 },
  phone: { width: 390, height: 844 },
};

async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  await testInfo.attach(name, { path: file, contentType: "image/png" });

  if (process.env.UPDATE_SCREENSHOTS === "1") {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(file, path.join(DOCS, `${name}.png`));
  }
}

for (const [screen, viewport] of Object.entries(SCREENS)) {
  test.describe(`on a ${screen} screen`, () => {
    test.use({ viewport });

    test(`screenshots of each checkout step (${screen})`, async ({ page }, testInfo) => {
      test.skip(E2E_REAL_STRIPE, NEEDS_EMULATOR);

      await page.goto("/");
      await page.getByRole("button", { name: "Add to cart: Moka pot" }).click();
      await expect(page.getByRole("link", { name: /^Cart \(1 item\)$/ })).toBeVisible();
      await page.getByRole("button", { name: "Add to cart: Coffee beans, 250 g" }).click();
      await expect(page.getByRole("link", { name: /^Cart \(2 items\)$/ })).toBeVisible();
      await shoot(page, testInfo, `${screen}-1-catalog`);

      await page.getByRole("link", { name: /^Cart/ }).click();
      await expect(page.getByRole("heading", { name: "Your cart" })).toBeVisible();
      await shoot(page, testInfo, `${screen}-2-cart`);

      await page.getByRole("link", { name: "Continue to details" }).click();
      await fillDetails(page);
      await shoot(page, testInfo, `${screen}-3-details`);

      await page.getByRole("button", { name: "Continue to payment" }).click();
      await paymentFormReady(page, "€49.40");
      await fillCard(page, CARDS.visa);
      await shoot(page, testInfo, `${screen}-4-payment`);

      await page.getByRole("button", { name: "Pay €49.40" }).click();
      await confirmationReached(page);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(
        "Thank you — your order is confirmed",
      );
      await shoot(page, testInfo, `${screen}-5-confirmation`);
    });
  });
}
