// Webhook delivery stops for a while (Stripe's side or the network), then resumes: meanwhile only
// finalize records orders; afterwards every event arrives and every order ends right.
import pg from "pg";

import { planCheckouts } from "../shopper";
import { mapConcurrent, sleep } from "../util";

import { settleAndCheck, withStack, type Scenario } from "./scenario";

const CHECKOUTS = 60;
const HELD_MS = 2_000;

export const heldThenReleased: Scenario = {
  name: "held-then-released",
  run: (suite) =>
    withStack(suite, { name: "held_then_released", apps: 1 }, async (stack) => {
      const shopper = stack.shopper();
      stack.emulator.hold();
      const checkouts = await mapConcurrent(planCheckouts(CHECKOUTS, stack.random), 8, (plan) =>
        shopper.checkout(plan),
      );
      await sleep(HELD_MS);

      // While held, an order exists exactly for the checkouts that called finalize.
      const finalized = new Set(
        checkouts.filter((checkout) => checkout.plan.finalize).map((c) => c.paymentIntentId),
      );
      const recorded = await orderIntents(stack.databaseUrl);
      const violations: string[] = [];
      const unexpected = recorded.filter((id) => !finalized.has(id));
      if (unexpected.length > 0 || recorded.length !== finalized.size) {
        violations.push(
          `while held: ${recorded.length} orders for ${finalized.size} finalized checkouts`,
        );
      }

      const result = await settleAndCheck(stack, checkouts, {
        faults: false,
        traffic: [shopper.counters],
      });
      return { ...result, violations: [...violations, ...result.violations] };
    }),
};

async function orderIntents(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT "paymentIntentId" AS id FROM "PaymentOrders"`,
    );
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}
