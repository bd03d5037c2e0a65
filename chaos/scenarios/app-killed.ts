// The app process is killed (SIGKILL) while shoppers pay and webhooks arrive, then started again
// on the same port: requests cut off mid-transaction leave nothing half-done, and retried
// deliveries and shoppers finish the work.
import { planCheckouts } from "../shopper";
import { mapConcurrent, sleep, waitFor } from "../util";

import { settleAndCheck, withStack, type Scenario } from "./scenario";

const CHECKOUTS = 80;
const KILL_AFTER = 30;

export const appKilled: Scenario = {
  name: "app-killed",
  run: (suite) =>
    withStack(suite, { name: "app_killed", apps: 1 }, async (stack) => {
      const [app] = stack.apps;
      const shopper = stack.shopper();
      let done = 0;
      const running = mapConcurrent(planCheckouts(CHECKOUTS, stack.random), 8, async (plan) => {
        const checkout = await shopper.checkout(plan);
        done++;
        return checkout;
      });

      await waitFor(`${KILL_AFTER} checkouts`, () => done >= KILL_AFTER, 60_000, 5);
      await app!.kill();
      await sleep(300);
      await app!.start();
      const checkouts = await running;

      const result = await settleAndCheck(stack, checkouts, { faults: true, restarts: 1 });
      const violations = [...result.violations];
      if (shopper.counters.retries === 0 && result.figures.failedDeliveries === 0) {
        violations.push("the kill interrupted neither a shopper nor a delivery");
      }
      return { ...result, violations };
    }),
};
