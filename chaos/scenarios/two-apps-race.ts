// Two app processes on one database, no affinity: every request of a shopper may land on either.
// For each paid intent, three finalize calls (both apps) race the intent's webhooks, delivered
// through a round-robin proxy, plus two extra copies of the succeeded event.
import type { Checkout } from "../shopper";
import { planCheckouts } from "../shopper";
import { mapConcurrent, shuffle, sleep } from "../util";

import { settleAndCheck, withStack, type Scenario } from "./scenario";

const CHECKOUTS = 60;

export const twoAppsRace: Scenario = {
  name: "two-apps-race",
  run: (suite) =>
    withStack(suite, { name: "two_apps_race", apps: 2 }, async (stack) => {
      const [first, second] = stack.apps as [(typeof stack.apps)[0], (typeof stack.apps)[0]];
      const anywhere = stack.shopper();
      const racers = [stack.shopper(first), stack.shopper(second), stack.shopper(first)];
      stack.emulator.hold();

      const plans = planCheckouts(CHECKOUTS, stack.random).map((plan) => ({
        ...plan,
        finalize: false,
      }));
      const checkouts = await mapConcurrent(plans, 6, (plan) => anywhere.checkout(plan));
      await stack.intentsSettled(checkouts.map((checkout) => checkout.paymentIntentId));

      const violations: string[] = [];
      await mapConcurrent(checkouts, 4, async (checkout: Checkout) => {
        const events = stack.eventsOf(checkout.paymentIntentId);
        const succeeded = events.find((event) => event.type === "payment_intent.succeeded");
        // The succeeded event leads its batch and finalize calls start with a little jitter, so
        // that each side wins some of the races.
        const others = events.filter((event) => event !== succeeded).map((event) => event.id);
        const batch = [...(succeeded ? [succeeded.id] : []), ...shuffle(others, stack.random)];
        const jitter = () => sleep(Math.floor(stack.random() * 25));
        const [statuses] = await Promise.all([
          Promise.all(
            racers.map((racer) =>
              jitter().then(() => racer.finalize(checkout.cartId, checkout.paymentIntentId)),
            ),
          ),
          stack.emulator.deliverBatch(batch),
          succeeded ? stack.emulator.resend(succeeded.id, 2) : Promise.resolve([]),
        ]);
        checkout.finalizeStatuses.push(...statuses);
        if (statuses.some((status) => status !== 200)) {
          violations.push(`finalize of ${checkout.paymentIntentId} answered ${statuses.join(",")}`);
        }
      });

      const result = await settleAndCheck(stack, checkouts, {
        faults: false,
        traffic: [anywhere.counters, ...racers.map((racer) => racer.counters)],
      });
      const [toFirst, toSecond] = stack.proxy?.forwarded ?? [0, 0];
      if (!toFirst || !toSecond)
        violations.push(`the proxy did not use both apps: ${toFirst}/${toSecond}`);
      return { ...result, violations: [...violations, ...result.violations] };
    }),
};
