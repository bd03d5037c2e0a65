// A shop in yen: amounts are whole yen, never multiplied by a hundred.
import { beforeAll, describe, expect, it } from "vitest";

import * as finalizeRoute from "@/app/api/payments/[cartId]/finalize/route";
import * as intentRoute from "@/app/api/payments/[cartId]/intent/route";

import { callRoute } from "../helpers/call-route";
import { cartReadyToPay, usePaymentsHarness } from "../helpers/payments-harness";
import { useTestDatabase } from "../helpers/test-database";

const db = useTestDatabase({ STRIPE_CURRENCY: "jpy" });
const harness = usePaymentsHarness();

beforeAll(async () => {
  await db.query(
    `UPDATE "Product" SET currency = 'jpy', "priceAmount" = 1800 WHERE id = 'moka-pot'`,
  );
  await db.query(
    `UPDATE "Product" SET currency = 'jpy', "priceAmount" = "priceAmount" / 10 WHERE id <> 'moka-pot'`,
  );
});

describe("zero-decimal currency (JPY)", () => {
  it("charges and records ¥3,600 for two moka pots at ¥1,800", async () => {
    const cart = await cartReadyToPay([["moka-pot", 2]]);

    const intent = await callRoute(intentRoute.POST, {
      method: "POST",
      params: { cartId: cart.id },
    });
    await harness.stripe.paymentIntents.confirm(intent.body.paymentIntentId, {
      payment_method: "pm_card_visa",
    });
    const finalized = await callRoute(finalizeRoute.POST, {
      method: "POST",
      params: { cartId: cart.id },
      body: { paymentIntentId: intent.body.paymentIntentId },
    });

    expect(intent.body).toMatchObject({ amount: 3600, currency: "jpy" });
    const charged = await harness.stripe.paymentIntents.retrieve(intent.body.paymentIntentId);
    expect(charged).toMatchObject({ amount: 3600, currency: "jpy", amount_received: 3600 });
    expect(finalized.status).toBe(200);
    const [order] = await db.query('SELECT amount, currency FROM "PaymentOrders" WHERE id = $1', [
      finalized.body.orderId,
    ]);
    expect(order).toEqual({ amount: 3600, currency: "jpy" });
  });
});
