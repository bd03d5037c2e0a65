// 200 checkouts with every webhook held back, then each event delivered twice, the lot shuffled
// and sent in parallel batches: duplicates and out-of-order events must change nothing.
import { planCheckouts } from "../shopper";
import { mapConcurrent, shuffle } from "../util";

import { settleAndCheck, withStack, type Scenario } from "./scenario";

const CHECKOUTS = 200;
const BATCHES = 6;

export const duplicatesShuffled: Scenario = {
  name: "duplicates-shuffled",
  run: (suite) =>
    withStack(suite, { name: "duplicates_shuffled", apps: 1 }, async (stack) => {
      const shopper = stack.shopper();
      stack.emulator.hold();
      const plans = planCheckouts(CHECKOUTS, stack.random);
      const checkouts = await mapConcurrent(plans, 8, (plan) => shopper.checkout(plan));
      // The processing payments succeed a little later; their events join the held queue.
      await stack.intentsSettled(checkouts.map((checkout) => checkout.paymentIntentId));

      const ids = stack.emulator.events().map((event) => event.id);
      const deliveries = shuffle([...ids, ...ids], stack.random);
      const size = Math.ceil(deliveries.length / BATCHES);
      await Promise.all(
        Array.from({ length: BATCHES }, (_, i) =>
          stack.emulator.deliverBatch(deliveries.slice(i * size, (i + 1) * size)),
        ),
      );

      return settleAndCheck(stack, checkouts, { faults: false, traffic: [shopper.counters] });
    }),
};
