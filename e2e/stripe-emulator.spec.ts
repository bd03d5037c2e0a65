// Browser conformance of the Stripe emulator's Stripe.js stand-in: a React page using
// @stripe/react-stripe-js pays through it. Self-contained: starts its own emulator and page
// server, and needs none of the app.
import { expect, test, type Page } from "@playwright/test";

import { startHarnessServer, type HarnessServer } from "../stripe-emulator/harness/serve-harness";
import {
  EMULATOR_PUBLIC_KEY,
  startStripeEmulator,
  stripeClientFor,
  type StripeEmulator,
} from "../stripe-emulator/src/index";

test.use({
  viewport: { width: 360, height: 740 },
});

let emulator: StripeEmulator;
let harness: HarnessServer;

test.beforeAll(async () => {
  emulator = await startStripeEmulator();
  harness = await startHarnessServer();
});

test.afterAll(async () => {
  await harness?.stop();
  await emulator?.stop();
});

/** Opens the harness for a fresh PaymentIntent, with js.stripe.com served by the emulator. */
async function openCheckout(page: Page, amount = 2500) {
  const intent = await stripeClientFor(emulator.url).paymentIntents.create({
    amount,
    currency: "usd",
    automatic_payment_methods: { enabled: true },
  });
  await page.route("https://js.stripe.com/**", async (route) => {
    const response = await route.fetch({ url: `${emulator.url}/v3/stripe.js` });
    await route.fulfill({ response });
  });

  const query = new URLSearchParams({
    pk: EMULATOR_PUBLIC_KEY,
    clientSecret: intent.client_secret!,
  });
  await page.goto(`${harness.url}/?${query}`);
  await expect(page.getByText("Stripe emulator — test mode")).toBeVisible();
  return intent.id;
}

async function fillCard(page: Page, number: string, expiry = "12 / 34", cvc = "123") {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiration date").fill(expiry);
  await page.getByLabel("Security code").fill(cvc);
}

async function statusOf(intentId: string) {
  return (await stripeClientFor(emulator.url).paymentIntents.retrieve(intentId)).status;
}

test("pays with 4242 4242 4242 4242", async ({ page }) => {
  const intentId = await openCheckout(page);

  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay" }).click();

  await expect(page.getByRole("status")).toHaveText("Payment succeeded");
  expect(await statusOf(intentId)).toBe("succeeded");
});

test("shows the decline of 4000 0000 0000 0002", async ({ page }) => {
  const intentId = await openCheckout(page);

  await fillCard(page, "4000000000000002");
  await page.getByRole("button", { name: "Pay" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "declined" })).toHaveText(
    "Your card was declined.",
  );
  expect(await statusOf(intentId)).toBe("requires_payment_method");
});

test("completes the 3-D Secure challenge of 4000 0025 0000 3155", async ({ page }) => {
  const intentId = await openCheckout(page);

  await fillCard(page, "4000002500003155");
  await page.getByRole("button", { name: "Pay" }).click();
  const dialog = page.getByRole("dialog", { name: "3D Secure 2 Test Page" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Complete authentication" })).toBeFocused();
  await dialog.getByRole("button", { name: "Complete authentication" }).click();

  await expect(page.getByRole("status")).toHaveText("Payment succeeded");
  await expect(dialog).toBeHidden();
  expect(await statusOf(intentId)).toBe("succeeded");
});

test("fails the 3-D Secure challenge and says so", async ({ page }) => {
  const intentId = await openCheckout(page);

  await fillCard(page, "4000002500003155");
  await page.getByRole("button", { name: "Pay" }).click();
  await page.getByRole("button", { name: "Fail authentication" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "authenticate" })).toContainText(
    "We are unable to authenticate your payment method.",
  );
  expect(await statusOf(intentId)).toBe("requires_payment_method");
});

test("validates the card form like Stripe.js before calling the API", async ({ page }) => {
  const intentId = await openCheckout(page);

  const element = page.locator('[data-stripe-emulator="payment-element"]');
  const shown = (message: string) => element.getByRole("alert").filter({ hasText: message });

  await page.getByRole("button", { name: "Pay" }).click();
  await expect(shown("Your card number is incomplete.")).toBeVisible();
  await expect(shown("Your card's expiration date is incomplete.")).toBeVisible();
  await expect(shown("Your card's security code is incomplete.")).toBeVisible();
  await expect(page.getByLabel("Card number")).toBeFocused();

  await fillCard(page, "4242 4242 4242 4241", "01 / 20", "12");
  await page.getByRole("button", { name: "Pay" }).click();
  await expect(shown("Your card number is invalid.")).toBeVisible();
  await expect(shown("Your card's expiration date is in the past.")).toBeVisible();
  await expect(page.getByLabel("Card number")).toHaveAttribute("aria-invalid", "true");

  expect(await statusOf(intentId)).toBe("requires_payment_method");
  const fitsWidth = await page.evaluate(() => document.body.scrollWidth <= window.innerWidth);
  expect(fitsWidth).toBe(true);
});
