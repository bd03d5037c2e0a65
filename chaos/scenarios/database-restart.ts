// The database stops and starts again (same data, same port) in the middle of a burst of
// webhooks and of shoppers paying: the app answers 5xx meanwhile, Stripe retries, and every
// event ends applied.
import { planCheckouts } from "../shopper";
import { mapConcurrent, waitFor } from "../util";

import { settleAndCheck, withStack, type Scenario } from "./scenario";

const HELD_CHECKOUTS = 80;
const DURING_OUTAGE = 16;
const DOWN_MS = 1_500;

export const databaseRestart: Scenario = {
  name: "database-restart",
  run: (suite) =>
    withStack(suite, { name: "database_restart", apps: 1 }, async (stack) => {
      const shopper = stack.shopper();
      stack.emulator.hold();
      const held = await mapConcurrent(planCheckouts(HELD_CHECKOUTS, stack.random), 8, (plan) =>
        shopper.checkout(plan),
      );
      await stack.intentsSettled(held.map((checkout) => checkout.paymentIntentId));

      // The burst: everything held goes out at once, with Stripe's retries.
      const total = stack.emulator.events().length;
      stack.emulator.release();
      await waitFor(
        "a quarter of the burst",
        () => stack.emulator.deliveries().length >= total / 4,
        10_000,
        5,
      );
      const late = mapConcurrent(planCheckouts(DURING_OUTAGE, stack.random), 4, (plan) =>
        shopper.checkout(plan),
      );
      await suite.database.restart(DOWN_MS);
      const checkouts = [...held, ...(await late)];

      const result = await settleAndCheck(stack, checkouts, { faults: true, restarts: 1 });
      const violations = [...result.violations];
      if (result.figures.failedDeliveries === 0) violations.push("the outage failed no delivery");
      return { ...result, violations };
    }),
};
