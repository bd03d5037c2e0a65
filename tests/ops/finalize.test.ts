// Runbook case 2 by hand: `finalize` is the finalize endpoint's own use case from a shell.
import { describe, expect, it } from "vitest";

import { usePaymentsHarness } from "../helpers/payments-harness";
import { useTestDatabase } from "../helpers/test-database";
import { cartWithIntent, confirm, ops } from "./ops-fixtures";

const db = useTestDatabase();
const harness = usePaymentsHarness();

describe("finalize", () => {
  it("records the paid cart's order and deletes the cart; a repeat finds it done", async () => {
    const { cartId, paymentIntentId } = await cartWithIntent();

    await harness.withWebhooksHeld(async () => {
      await confirm(harness, paymentIntentId, "pm_card_visa");
      const args = ["finalize", "--cart", cartId, "--payment-intent", paymentIntentId, "--json"];

      const first = await ops(args);
      const again = await ops(args);

      expect(first.code).toBe(0);
      expect(first.json).toMatchObject({ ok: true, status: "Paid", httpStatus: 200 });
      expect(again.json.orderId).toBe(first.json.orderId);
      const history = await db.query(
        'SELECT source, actor FROM "OrderStatusHistory" WHERE "orderId" = $1',
        [first.json.orderId],
      );
      expect(history).toEqual([{ source: "finalize", actor: "shopper" }]);
      expect(await db.query('SELECT 1 FROM "Cart" WHERE id = $1', [cartId])).toHaveLength(0);
    });
  });

  it("exits 1 with the endpoint's answer for a decline or another cart's intent", async () => {
    const declined = await cartWithIntent();
    const other = await cartWithIntent();
    await confirm(harness, declined.paymentIntentId, "pm_card_chargeDeclined");
    await harness.emulator.settled();

    const failed = await ops([
      "finalize",
      "--cart",
      declined.cartId,
      "--payment-intent",
      declined.paymentIntentId,
    ]);
    const mismatch = await ops([
      "finalize",
      "--cart",
      other.cartId,
      "--payment-intent",
      declined.paymentIntentId,
      "--json",
    ]);

    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("Your card was declined.");
    expect(mismatch.code).toBe(1);
    expect(mismatch.json.error.code).toBe("intent_mismatch");
  });

  it("exits 3 for an intent Stripe does not know and 2 without its arguments", async () => {
    const { cartId } = await cartWithIntent();

    const unknown = await ops(["finalize", "--cart", cartId, "--payment-intent", "pi_unknown"]);
    const missing = await ops(["finalize", "--cart", cartId]);

    expect(unknown.code).toBe(3);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--payment-intent is required");
  });
});
