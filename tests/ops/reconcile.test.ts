// Runbook case 2 at scale: payments Stripe knows about and our orders do not, repaired from
// Stripe's list of PaymentIntents through the one fulfilment path.
import { describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { reconcile } from "@/lib/ops/reconcile";
import { getStripe } from "@/lib/stripe/client";
import { EMULATOR_PROCESSING_PAYMENT_METHOD } from "@/stripe-emulator/src/index";

import { usePaymentsHarness } from "../helpers/payments-harness";
import { useTestDatabase } from "../helpers/test-database";
import { cartWithIntent, confirm, ops, opsProcess, orderOfIntent } from "./ops-fixtures";

const db = useTestDatabase();
const harness = usePaymentsHarness();

async function cartExists(cartId: string) {
  return (await db.query('SELECT 1 FROM "Cart" WHERE id = $1', [cartId])).length === 1;
}

async function historyOf(paymentIntentId: string) {
  return db.query(
    `SELECT h."fromStatus", h."toStatus", h.applied, h.source, h.actor, h.reason
       FROM "OrderStatusHistory" h JOIN "PaymentOrders" o ON o.id = h."orderId"
      WHERE o."paymentIntentId" = $1 ORDER BY h.id`,
    [paymentIntentId],
  );
}

describe("reconcile", () => {
  it("makes the order of an intent paid without webhook or finalize Paid, once", async () => {
    const { cartId, paymentIntentId } = await cartWithIntent();

    await harness.withWebhooksHeld(async () => {
      await confirm(harness, paymentIntentId, "pm_card_visa");

      const dryRun = await ops(["reconcile", "--dry-run", "--json"]);
      expect(dryRun.code).toBe(1);
      expect(dryRun.json.summary).toMatchObject({ wouldRepair: 1, repaired: 0, errors: 0 });
      expect(await orderOfIntent(db, paymentIntentId)).toBeNull();
      expect(await cartExists(cartId)).toBe(true);

      const first = await ops(["reconcile", "--json"]);
      expect(first.code).toBe(0);
      expect(first.json.summary).toMatchObject({ repaired: 1, stuck: 0, conflicts: 0, errors: 0 });
      expect(first.json.items).toEqual([
        expect.objectContaining({
          paymentIntentId,
          cartId,
          stripeStatus: "succeeded",
          orderStatusBefore: null,
          orderStatusAfter: "Paid",
          verdict: "repaired",
        }),
      ]);
      expect((await orderOfIntent(db, paymentIntentId))?.status).toBe("Paid");
      expect(await cartExists(cartId)).toBe(false);
      expect(await historyOf(paymentIntentId)).toEqual([
        {
          fromStatus: null,
          toStatus: "Paid",
          applied: true,
          source: "reconcile",
          actor: "ops reconcile",
          reason: "Stripe reports the PaymentIntent succeeded",
        },
      ]);

      const second = await ops(["reconcile", "--json"]);
      expect(second.code).toBe(0);
      expect(second.json.summary).toMatchObject({ repaired: 0, errors: 0 });
      expect(second.json.summary.alreadyFine).toBeGreaterThanOrEqual(1);
      expect(await historyOf(paymentIntentId)).toHaveLength(1);
    });

    // Stripe's held payment_intent.succeeded arrives afterwards and finds the work done.
    expect(await historyOf(paymentIntentId)).toHaveLength(1);
  });

  it("records a declined payment as Failed but never regresses a Paid order", async () => {
    const { paymentIntentId } = await cartWithIntent();

    await harness.withWebhooksHeld(async () => {
      await confirm(harness, paymentIntentId, "pm_card_chargeDeclined");

      const repaired = await ops(["reconcile", "--json"]);
      expect(repaired.json.items).toContainEqual(
        expect.objectContaining({
          paymentIntentId,
          verdict: "repaired",
          orderStatusAfter: "Failed",
        }),
      );
      const order = await orderOfIntent(db, paymentIntentId);
      expect(order?.status).toBe("Failed");

      // Someone marked it Paid by hand: reconcile reports the disagreement and leaves it alone.
      await db.query(`UPDATE "PaymentOrders" SET status = 'Paid' WHERE id = $1`, [order!.id]);
      const conflict = await ops(["reconcile", "--json"]);
      expect(conflict.code).toBe(1);
      expect(conflict.json.summary.conflicts).toBe(1);
      expect(conflict.json.items).toContainEqual(
        expect.objectContaining({ paymentIntentId, verdict: "conflict", orderStatusAfter: "Paid" }),
      );
      expect((await orderOfIntent(db, paymentIntentId))?.status).toBe("Paid");
      expect(await historyOf(paymentIntentId)).toHaveLength(1);
      await db.query(`UPDATE "PaymentOrders" SET status = 'Failed' WHERE id = $1`, [order!.id]);
    });
  });

  it("reports an intent still processing after the threshold as stuck and leaves it", async () => {
    await harness.emulator.configure({ processingDelayMs: 60_000 });
    try {
      const { paymentIntentId } = await cartWithIntent();
      await harness.withWebhooksHeld(async () => {
        await confirm(harness, paymentIntentId, EMULATOR_PROCESSING_PAYMENT_METHOD);

        const report = await reconcile(getDb(), getStripe(), {
          since: new Date(Date.now() - 60_000),
          stuckAfterMs: 0,
          now: new Date(Date.now() + 1000),
        });

        expect(report.summary.stuck).toBe(1);
        expect(report.items).toContainEqual(
          expect.objectContaining({
            paymentIntentId,
            stripeStatus: "processing",
            verdict: "stuck",
          }),
        );
        expect(await orderOfIntent(db, paymentIntentId)).toBeNull();
      });
    } finally {
      await harness.emulator.configure({ processingDelayMs: 300 });
    }
  });

  it("leaves intents of other integrations alone and counts them", async () => {
    await harness.stripe.paymentIntents.create({
      amount: 5000,
      currency: "eur",
      payment_method: "pm_card_visa",
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    });
    await harness.emulator.settled();

    const { json } = await ops(["reconcile", "--since", "1h", "--json"]);

    expect(json.summary.notOurs).toBeGreaterThanOrEqual(1);
    expect(json.summary.errors).toBe(0);
  });

  it("runs as `npm run ops -- reconcile`: exit code and one JSON document on stdout", async () => {
    const env = {
      DATABASE_URL: db.url,
      STRIPE_API_BASE: harness.emulator.url,
      STRIPE_WEBHOOK_SECRET: harness.emulator.webhookSecret,
    };

    const ran = await opsProcess(["reconcile", "--since", "2h", "--json"], env);
    const usage = await opsProcess(["reconcile", "--since", "yesterday"], env);

    expect(ran.code).toBe(0);
    expect(JSON.parse(ran.stdout).summary).toMatchObject({ repaired: 0, errors: 0 });
    expect(ran.stderr).toContain("reconcile: PaymentIntents created since");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--since must be a duration");
    expect(usage.stdout).toBe("");
  });
});
