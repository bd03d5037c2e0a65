// Runbook cases 1 and 2 from the inbox: list the webhook events, and re-run a stored one through
// the webhook's own processing without a new call from Stripe.
import { describe, expect, it } from "vitest";

import { usePaymentsHarness } from "../helpers/payments-harness";
import { useTestDatabase } from "../helpers/test-database";
import { cartWithIntent, confirm, eventOf, ops, orderOfIntent } from "./ops-fixtures";

const db = useTestDatabase();
const harness = usePaymentsHarness();

async function auditRows(paymentIntentId: string) {
  return db.query(
    `SELECT h."toStatus", h.source, h."stripeEventId" FROM "OrderStatusHistory" h
       JOIN "PaymentOrders" o ON o.id = h."orderId" WHERE o."paymentIntentId" = $1 ORDER BY h.id`,
    [paymentIntentId],
  );
}

/** An event that reached the inbox but whose processing failed (the database was down, say). */
async function storeAsFailed(event: { id: string; type: string }, objectId: string) {
  await db.query(
    `INSERT INTO "WebhookEvent" (id, type, "objectId", payload, state, attempts, "lastError")
     VALUES ($1, $2, $3, $4, 'Failed', 1, 'DatabaseNotReachable: simulated outage')`,
    [event.id, event.type, objectId, JSON.stringify(event)],
  );
}

describe("replay", () => {
  it("creates the missing order from a stored payment_intent.succeeded, once", async () => {
    const { cartId, paymentIntentId } = await cartWithIntent();

    await harness.withWebhooksHeld(async () => {
      await confirm(harness, paymentIntentId, "pm_card_visa");
      const succeeded = eventOf(harness, paymentIntentId, "payment_intent.succeeded");
      await storeAsFailed(succeeded, paymentIntentId);

      const failed = await ops(["events", "--failed", "--json"]);
      expect(failed.json.events).toEqual([
        expect.objectContaining({ id: succeeded.id, state: "Failed", objectId: paymentIntentId }),
      ]);

      const first = await ops(["replay", succeeded.id, "--json"]);
      expect(first.code).toBe(0);
      expect(first.json).toMatchObject({
        ok: true,
        origin: "inbox",
        result: "processed",
        orderBefore: null,
        orderAfter: { status: "Paid", auditRows: 1 },
        changed: true,
      });
      expect((await orderOfIntent(db, paymentIntentId))?.status).toBe("Paid");
      expect(await db.query('SELECT 1 FROM "Cart" WHERE id = $1', [cartId])).toHaveLength(0);
      const inbox = () =>
        db.query('SELECT state, attempts, "lastError" FROM "WebhookEvent" WHERE id = $1', [
          succeeded.id,
        ]);
      expect(await inbox()).toEqual([{ state: "Processed", attempts: 2, lastError: null }]);

      const again = await ops(["replay", succeeded.id]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`Changed nothing: the order of ${paymentIntentId} stays Paid`);
      expect(await inbox()).toEqual([{ state: "Processed", attempts: 3, lastError: null }]);
      expect(await auditRows(paymentIntentId)).toEqual([
        { toStatus: "Paid", source: "webhook", stripeEventId: succeeded.id },
      ]);
    });
  });

  it("answers 3 for an event not in the inbox, and fetches it from Stripe when asked", async () => {
    const { paymentIntentId } = await cartWithIntent();

    await harness.withWebhooksHeld(async () => {
      await confirm(harness, paymentIntentId, "pm_card_visa");
      const succeeded = eventOf(harness, paymentIntentId, "payment_intent.succeeded");

      const refused = await ops(["replay", succeeded.id]);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain("not in the webhook inbox");
      expect(refused.stderr).toContain("--from-stripe");

      const fetched = await ops(["replay", succeeded.id, "--from-stripe", "--json"]);
      expect(fetched.code).toBe(0);
      expect(fetched.json).toMatchObject({ origin: "stripe", changed: true });
      expect((await orderOfIntent(db, paymentIntentId))?.status).toBe("Paid");

      const unknown = await ops(["replay", "evt_doesNotExist", "--from-stripe"]);
      expect(unknown.code).toBe(3);
    });
  });

  it("refuses an id that is not an event id", async () => {
    const { code, stderr } = await ops(["replay", "pi_123"]);

    expect(code).toBe(2);
    expect(stderr).toContain("must start with evt_");
  });
});

describe("events", () => {
  it("lists the inbox newest first, filtered by type, with a limit", async () => {
    await db.query(
      `INSERT INTO "WebhookEvent" (id, type, payload, state, "receivedAt") VALUES
         ('evt_list_1', 'charge.refunded', '{}', 'Ignored', now() - interval '3 minutes'),
         ('evt_list_2', 'charge.refunded', '{}', 'Processed', now() - interval '2 minutes')`,
    );

    const { code, json } = await ops(["events", "--type", "charge.refunded", "--json"]);
    const limited = await ops(["events", "--limit", "1", "--json"]);
    const human = await ops(["events", "--type", "charge.refunded"]);

    expect(code).toBe(0);
    expect(json.events.map((event: { id: string }) => event.id)).toEqual([
      "evt_list_2",
      "evt_list_1",
    ]);
    expect(limited.json.events).toHaveLength(1);
    expect(human.stdout).toMatch(/evt_list_2\s+charge\.refunded\s+—\s+Processed/);
  });

  it("refuses a bad --limit or --state", async () => {
    expect((await ops(["events", "--limit", "0"])).code).toBe(2);
    expect((await ops(["events", "--state", "Lost"])).code).toBe(2);
  });
});
