// The Payment step against the local Stripe emulator: declines, 3-D Secure, the webhook as the
// only path to the order, payments that are still processing, redirects through return_url and
// a Stripe.js that cannot load. Every outcome is checked in the database as well as on screen.
import type { Page } from "@playwright/test";

import { E2E_EMULATOR_URL, E2E_REAL_STRIPE } from "../playwright.config";

import { cartRow, ordersOfCart, statusChanges } from "./support/database";
import { expect, test } from "./support/fixtures";
import {
  cartReadyToPay,
  confirmationReached,
  fillCard,
  orderStatus,
  payButton,
  paymentFormReady,
} from "./support/shop";
import {
  CARDS,
  emulatorControl,
  intentsCreatedFor,
  NEEDS_EMULATOR,
  stripe,
} from "./support/stripe";

test.skip(E2E_REAL_STRIPE, NEEDS_EMULATOR);

/** A cart of one Moka pot (€34.90) on the Payment step, its form ready: answers the cart id. */
async function onPaymentStep(page: Page): Promise<string> {
  const cartId = await cartReadyToPay(page);
  await page.goto("/checkout/payment");
  await paymentFormReady(page, "€34.90");

  return cartId;
}

/** Holds every finalize request until `release()`, so a test can look at the page meanwhile. */
async function holdFinalize(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/payments/*/finalize", async (route) => {
    await released;
    await route.continue();
  });

  return release;
}

const threeDSecureDialog = (page: Page) =>
  page.getByRole("dialog", { name: "3D Secure 2 Test Page" });

test("reloading Payment asks for the intent once per load and never makes a second one", async ({
  page,
}) => {
  const since = Math.floor(Date.now() / 1000) - 5;
  let intentRequests = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/intent")) intentRequests += 1;
  });
  const cartId = await onPaymentStep(page);
  const intentId = (await cartRow(cartId))!.paymentIntentId!;

  await page.reload();
  await paymentFormReady(page, "€34.90");
  await page.reload();
  await paymentFormReady(page, "€34.90");

  expect(intentRequests).toBe(3);
  expect((await cartRow(cartId))!.paymentIntentId).toBe(intentId);
  expect(await intentsCreatedFor(cartId, since)).toEqual([intentId]);
});

test("a declined card shows Stripe's message, then 4242 on the same page pays the same intent", async ({
  page,
}) => {
  const cartId = await onPaymentStep(page);
  const intentId = (await cartRow(cartId))!.paymentIntentId!;

  await fillCard(page, CARDS.declined);
  await page.getByRole("button", { name: "Pay €34.90" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "declined" });
  await expect(alert).toHaveText("Your card was declined.");
  await expect(alert).toBeFocused();
  await expect(page).toHaveURL(/\/checkout\/payment$/);
  // The decline is recorded (by its webhook) as a failed attempt, never as Paid.
  await expect
    .poll(async () => (await ordersOfCart(cartId)).map((o) => o.status))
    .toEqual(["Failed"]);

  const release = await holdFinalize(page);
  await fillCard(page, CARDS.visa);
  await page.getByRole("button", { name: "Pay €34.90" }).click();
  // While the payment is in flight the button cannot be pressed again.
  await expect(page.getByRole("button", { name: "Paying…" })).toBeDisabled();
  release();

  await confirmationReached(page);
  await expect(orderStatus(page)).toHaveText("Paid");
  const orders = await ordersOfCart(cartId);
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ paymentIntentId: intentId, status: "Paid", amount: 3490 });
  expect(await cartRow(cartId)).toBeNull();
});

test("3-D Secure: completing the challenge pays the order", async ({ page }) => {
  const cartId = await onPaymentStep(page);

  await fillCard(page, CARDS.threeDSecure);
  await page.getByRole("button", { name: "Pay €34.90" }).click();
  const dialog = threeDSecureDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Complete authentication" }).click();

  await confirmationReached(page);
  await expect(orderStatus(page)).toHaveText("Paid");
  expect((await ordersOfCart(cartId)).map((order) => order.status)).toEqual(["Paid"]);
});

test("3-D Secure: a failed challenge says so and the shopper can try again", async ({ page }) => {
  const cartId = await onPaymentStep(page);

  await fillCard(page, CARDS.threeDSecure);
  await page.getByRole("button", { name: "Pay €34.90" }).click();
  await threeDSecureDialog(page).getByRole("button", { name: "Fail authentication" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "authenticate" })).toContainText(
    "We are unable to authenticate your payment method.",
  );
  await expect(page.getByRole("button", { name: "Pay €34.90" })).toBeEnabled();
  expect((await ordersOfCart(cartId)).filter((order) => order.status === "Paid")).toEqual([]);

  await page.getByRole("button", { name: "Pay €34.90" }).click();
  await threeDSecureDialog(page).getByRole("button", { name: "Complete authentication" }).click();

  await confirmationReached(page);
  await expect(orderStatus(page)).toHaveText("Paid");
});

test("closing the page right after Stripe confirmed: the webhook alone pays the order", async ({
  page,
}) => {
  const cartId = await onPaymentStep(page);
  const intentId = (await cartRow(cartId))!.paymentIntentId!;
  let finalizeAsked = () => {};
  const finalizeWasAsked = new Promise<void>((resolve) => (finalizeAsked = resolve));
  // The finalize request never leaves the browser: the tab is closed as it is sent.
  await page.route("**/api/payments/*/finalize", () => finalizeAsked());

  await fillCard(page, CARDS.visa);
  await page.getByRole("button", { name: "Pay €34.90" }).click();
  await finalizeWasAsked;
  await page.close();

  expect((await stripe().paymentIntents.retrieve(intentId)).status).toBe("succeeded");
  await expect.poll(() => cartRow(cartId), { timeout: 20_000 }).toBeNull();
  const orders = await ordersOfCart(cartId);
  expect(orders).toMatchObject([{ paymentIntentId: intentId, status: "Paid", amount: 3490 }]);
  expect(await statusChanges(orders[0]!.id)).toEqual(["webhook:Paid"]);
});

test("a payment still processing: Confirmation shows Processing, then Paid without a reload", async ({
  page,
}) => {
  const { processingDelayMs } = await emulatorControl<{ processingDelayMs: number }>("/health");
  // Long enough to see Processing on screen, short enough to wait for.
  await emulatorControl("/config", { processingDelayMs: 6_000 });
  try {
    const cartId = await onPaymentStep(page);

    await fillCard(page, CARDS.processing);
    await page.getByRole("button", { name: "Pay €34.90" }).click();

    const orderId = await confirmationReached(page);
    await expect(orderStatus(page)).toHaveText("Processing");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Your payment is being processed",
    );
    await page.evaluate(() => document.body.setAttribute("data-same-document", "yes"));

    await expect(orderStatus(page)).toHaveText("Paid", { timeout: 30_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Thank you — your order is confirmed",
    );
    await expect(page.getByRole("status").filter({ hasText: "Order status: Paid" })).toBeAttached();
    // Still the same document: the page followed the order, nobody reloaded it.
    await expect(page.locator("body")).toHaveAttribute("data-same-document", "yes");
    await expect(page.getByRole("link", { name: "Cart (0 items)" })).toBeVisible();
    // Processing came from finalize or its webhook, whichever was first; Paid from the webhook.
    expect(await statusChanges(orderId)).toEqual([
      expect.stringMatching(/^(finalize|webhook):Processing$/),
      "webhook:Paid",
    ]);
    expect(await cartRow(cartId)).toBeNull();
  } finally {
    await emulatorControl("/config", { processingDelayMs });
  }
});

test("Stripe.js: Pay waits while it loads, and a plain message when it cannot load", async ({
  page,
}) => {
  const stripeJs = `${E2E_EMULATOR_URL}/v3/stripe.js`;
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(stripeJs, async (route) => {
    await released;
    await route.abort("connectionfailed");
  });
  await cartReadyToPay(page);

  await page.goto("/checkout/payment");
  await expect(page.getByText("Loading the secure payment form…")).toBeVisible();
  await expect(page.getByRole("button", { name: "Pay €34.90" })).toBeDisabled();

  release();
  const alert = page.getByRole("alert").filter({ hasText: "could not be loaded" });
  await expect(alert).toHaveText(
    "The payment form could not be loaded. Check your connection and try again; " +
      "you have not been charged.",
  );
  await expect(payButton(page)).toHaveCount(0);

  await page.unroute(stripeJs);
  await page.getByRole("button", { name: "Try again" }).click();
  await paymentFormReady(page, "€34.90");
});

test("a redirect through return_url finalizes the order on the way back", async ({
  page,
  baseURL,
}) => {
  const cartId = await cartReadyToPay(page);
  const intent = await intentOf(page, cartId);
  // Webhooks wait, so that only the return page can have recorded the order.
  await emulatorControl("/webhooks/hold", {});
  try {
    await page.goto(await redirectToBank(intent, `${baseURL}/checkout/payment/return`));
    await page.getByRole("button", { name: "Complete authentication" }).click();

    await confirmationReached(page);
    await expect(orderStatus(page)).toHaveText("Paid");
    const orders = await ordersOfCart(cartId);
    expect(orders).toMatchObject([{ paymentIntentId: intent, status: "Paid" }]);
    expect(await statusChanges(orders[0]!.id)).toEqual(["finalize:Paid"]);
    expect(await cartRow(cartId)).toBeNull();
  } finally {
    await emulatorControl("/webhooks/release", {});
  }
});

test("a failed redirect comes back to Payment with Stripe's reason, and paying again works", async ({
  page,
  baseURL,
}) => {
  const cartId = await cartReadyToPay(page);
  const intent = await intentOf(page, cartId);

  await page.goto(await redirectToBank(intent, `${baseURL}/checkout/payment/return`));
  await page.getByRole("button", { name: "Fail authentication" }).click();

  await expect(page).toHaveURL(/\/checkout\/payment\?payment=unpaid$/);
  await expect(page.getByRole("alert").filter({ hasText: "authenticate" })).toHaveText(
    "We are unable to authenticate your payment method. Please choose a different payment " +
      "method and try again.",
  );
  await paymentFormReady(page, "€34.90");
  await fillCard(page, CARDS.visa);
  await page.getByRole("button", { name: "Pay €34.90" }).click();

  await confirmationReached(page);
  await expect(orderStatus(page)).toHaveText("Paid");
  expect((await ordersOfCart(cartId)).map((order) => order.paymentIntentId)).toEqual([intent]);
});

test("only the shopper who paid sees the order", async ({ page, browser, baseURL }) => {
  await onPaymentStep(page);
  await fillCard(page, CARDS.visa);
  await page.getByRole("button", { name: "Pay €34.90" }).click();
  const orderId = await confirmationReached(page);
  await expect(page.getByText("ada@example.com")).toBeVisible();

  // Another shopper, with a cart and cookies of their own.
  const stranger = await browser.newContext({ baseURL });
  try {
    const strangerPage = await stranger.newPage();
    await cartReadyToPay(strangerPage);

    const visit = await strangerPage.goto(`/checkout/confirmation/${orderId}`);
    expect(visit?.status()).toBe(404);
    await expect(strangerPage.getByText("ada@example.com")).toHaveCount(0);
    await expect(strangerPage.getByText("Via Roma 1")).toHaveCount(0);
    expect((await strangerPage.request.get(`/api/orders/${orderId}`)).status()).toBe(404);
  } finally {
    await stranger.close();
  }
  expect((await page.request.get(`/api/orders/${orderId}`)).status()).toBe(200);
});

/** The cart's PaymentIntent, created through the shop's own endpoint. */
async function intentOf(page: Page, cartId: string): Promise<string> {
  const response = await page.request.post(`/api/payments/${cartId}/intent`);
  expect(response.ok()).toBe(true);

  return ((await response.json()) as { paymentIntentId: string }).paymentIntentId;
}

/**
 * What Stripe.js does for a redirect-based method: confirms with a return_url and sends the
 * shopper to the page Stripe names (here the emulator's 3-D Secure test page).
 */
async function redirectToBank(intentId: string, returnUrl: string): Promise<string> {
  const confirmed = await stripe().paymentIntents.confirm(intentId, {
    payment_method: "pm_card_authenticationRequired",
    return_url: returnUrl,
  });
  expect(confirmed.next_action?.type).toBe("redirect_to_url");

  return confirmed.next_action!.redirect_to_url!.url!;
}
