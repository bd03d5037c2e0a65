// Runbook case 3: the story of an order from its audit trail, and a manual status change that
// says who and why, obeys ResolveStatus unless forced, and is audited either way.
import { describe, expect, it } from "vitest";

import { stripeClientFor } from "@/stripe-emulator/src/index";

import { usePaymentsHarness } from "../helpers/payments-harness";
import { useTestDatabase } from "../helpers/test-database";
import { cartWithIntent, ops, opsProcess, paidOrder } from "./ops-fixtures";

const db = useTestDatabase();
const harness = usePaymentsHarness();

async function statusOf(orderId: string) {
  const [order] = await db.query('SELECT status FROM "PaymentOrders" WHERE id = $1', [orderId]);
  return order?.status;
}

async function auditOf(orderId: string) {
  return db.query(
    `SELECT "fromStatus", "toStatus", applied, source, actor, reason
       FROM "OrderStatusHistory" WHERE "orderId" = $1 ORDER BY id`,
    [orderId],
  );
}

const who = ["--actor", "maria.rossi", "--reason", "INC-42: bank confirmed chargeback"];

describe("set-status", () => {
  it("refuses a change without a reason or an actor, and records nothing", async () => {
    const { orderId } = await paidOrder(harness);

    const noReason = await ops(["set-status", orderId, "Failed", "--actor", "maria.rossi"]);
    const noActor = await ops(["set-status", orderId, "Failed", "--reason", "INC-42", "--json"]);
    const blank = await ops(["set-status", orderId, "Failed", "--actor", " ", "--reason", "x"]);

    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("--reason is required");
    expect(noActor.code).toBe(2);
    expect(noActor.json).toEqual({
      ok: false,
      error: { code: "usage", message: "--actor is required" },
    });
    expect(blank.code).toBe(2);
    expect(await statusOf(orderId)).toBe("Paid");
    expect(await auditOf(orderId)).toHaveLength(1);
  });

  it("refuses a regression from Paid unless forced, and audits both attempts", async () => {
    const { orderId } = await paidOrder(harness);

    const refused = await ops(["set-status", orderId, "Failed", ...who, "--json"]);
    expect(refused.code).toBe(1);
    expect(refused.json).toMatchObject({ ok: false, outcome: "refused", from: "Paid" });
    expect(await statusOf(orderId)).toBe("Paid");

    const forced = await ops(["set-status", orderId, "Failed", ...who, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("Paid → Failed (forced), audited as manual by maria.rossi");
    expect(await statusOf(orderId)).toBe("Failed");

    const reason = "INC-42: bank confirmed chargeback";
    expect(await auditOf(orderId)).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: "Paid", source: "finalize" }),
      {
        fromStatus: "Paid",
        toStatus: "Failed",
        applied: false,
        source: "manual",
        actor: "maria.rossi",
        reason,
      },
      {
        fromStatus: "Paid",
        toStatus: "Failed",
        applied: true,
        source: "manual",
        actor: "maria.rossi",
        reason,
      },
    ]);
  });

  it("applies an allowed change with actor and reason; a repeat changes nothing", async () => {
    const { orderId } = await paidOrder(harness);

    const refunded = await ops(["set-status", orderId, "refunded", ...who]);
    const again = await ops(["set-status", orderId, "Refunded", ...who]);

    expect(refunded.code).toBe(0);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("already Refunded");
    expect(await statusOf(orderId)).toBe("Refunded");
    expect((await auditOf(orderId)).slice(1)).toEqual([
      expect.objectContaining({
        toStatus: "Refunded",
        applied: true,
        source: "manual",
        actor: "maria.rossi",
      }),
    ]);
  });

  it("answers 3 for an unknown order and 2 for a bad status or id", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";

    expect((await ops(["set-status", unknown, "Paid", ...who])).code).toBe(3);
    expect((await ops(["set-status", unknown, "Shipped", ...who])).code).toBe(2);
    expect((await ops(["set-status", "pi_123", "Paid", ...who])).code).toBe(2);
  });

  it("exits 2 as a process when the reason is missing", async () => {
    const { orderId } = await paidOrder(harness);

    const ran = await opsProcess(["set-status", orderId, "Failed", "--actor", "maria.rossi"], {
      DATABASE_URL: db.url,
      STRIPE_API_BASE: harness.emulator.url,
    });

    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("--reason is required");
    expect(await auditOf(orderId)).toHaveLength(1);
  });
});

describe("order", () => {
  it("shows the order, its whole history in order, its events and Stripe's view", async () => {
    const { orderId, paymentIntentId, cartId } = await paidOrder(harness);
    await ops(["set-status", orderId, "Failed", ...who]);
    await ops(["set-status", orderId, "Failed", ...who, "--force"]);
    await ops([
      "set-status",
      orderId,
      "Paid",
      "--actor",
      "maria.rossi",
      "--reason",
      "INC-42: undo",
    ]);

    const byId = await ops(["order", orderId, "--json"]);
    const byIntent = await ops(["order", paymentIntentId, "--json"]);
    const byCart = await ops(["order", cartId, "--json"]);

    expect(byId.code).toBe(0);
    const [report] = byId.json.intents;
    expect(report.order).toMatchObject({ id: orderId, paymentIntentId, cartId, status: "Paid" });
    expect(
      report.history.map((entry: any) => [entry.from, entry.to, entry.applied, entry.source]),
    ).toEqual([
      [null, "Paid", true, "finalize"],
      ["Paid", "Failed", false, "manual"],
      ["Paid", "Failed", true, "manual"],
      ["Failed", "Paid", true, "manual"],
    ]);
    expect(report.events.map((event: any) => event.type)).toContain("payment_intent.succeeded");
    expect(report.stripe).toMatchObject({
      state: "found",
      status: "succeeded",
      impliedOrderStatus: "Paid",
    });
    expect(report.advice).toBeNull();
    expect(byIntent.json.intents).toEqual(byId.json.intents);
    expect(byCart.json.intents).toEqual(byId.json.intents);
  });

  it("prints the history as a table a person can read", async () => {
    const { orderId } = await paidOrder(harness);
    await ops(["set-status", orderId, "Failed", ...who]);

    const { code, stdout } = await ops(["order", orderId]);

    expect(code).toBe(0);
    expect(stdout).toMatch(/Order #\d+ +\S+ +Paid/);
    expect(stdout).toMatch(/—\s+Paid\s+yes\s+finalize\s+shopper/);
    expect(stdout).toMatch(/Paid\s+Failed\s+REFUSED\s+manual\s+maria\.rossi/);
    expect(stdout).toContain("Stripe now: succeeded (order should be Paid)");
  });

  it("still shows what the database knows when Stripe is unreachable", async () => {
    const { orderId } = await paidOrder(harness);
    const nowhere = stripeClientFor("http://127.0.0.1:9");

    const { code, stdout } = await ops(["order", orderId], { services: { stripe: () => nowhere } });

    expect(code).toBe(0);
    expect(stdout).toMatch(/Order #\d+/);
    expect(stdout).toContain("Stripe now: UNREACHABLE");
  });

  it("answers 3 with the next step when Stripe was paid but no order exists", async () => {
    const { cartId, paymentIntentId } = await cartWithIntent();
    harness.emulator.hold();
    await harness.stripe.paymentIntents.confirm(paymentIntentId, {
      payment_method: "pm_card_visa",
    });

    const { code, json } = await ops(["order", cartId, "--json"]);
    harness.emulator.release();
    await harness.emulator.settled();

    expect(code).toBe(3);
    expect(json.found).toBe(false);
    expect(json.cart).toMatchObject({ id: cartId, paymentIntentId });
    expect(json.intents[0].advice).toContain(`finalize --cart ${cartId}`);
    expect((await ops(["order", "nothing-like-this"])).code).toBe(3);
  });
});
