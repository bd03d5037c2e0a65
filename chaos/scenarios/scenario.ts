// What every scenario shares: its result, and the ending that lets Stripe finish its deliveries
// and then checks the invariants.
import { checkInvariants, type Figures } from "../invariants";
import type { Checkout, TrafficCounters } from "../shopper";
import { ScenarioStack, type StackOptions, type Suite } from "../stack";
import { within } from "../util";

export interface ScenarioResult {
  figures: Figures;
  /** Database restarts and app processes killed. */
  restarts: number;
  violations: string[];
}

export interface Scenario {
  name: string;
  run(suite: Suite): Promise<ScenarioResult>;
}

export interface Ending {
  /** Faults were injected: failed deliveries and 5xx answers are expected, not violations. */
  faults: boolean;
  restarts?: number;
  traffic?: TrafficCounters[];
}

/** Releases what is held, waits for Stripe's deliveries and retries, and checks. */
export async function settleAndCheck(
  stack: ScenarioStack,
  checkouts: Checkout[],
  ending: Ending,
): Promise<ScenarioResult> {
  await stack.intentsSettled(checkouts.map((checkout) => checkout.paymentIntentId));
  stack.emulator.release();
  await within("webhook deliveries and retries", stack.emulator.settled(), 90_000);

  const verdict = await checkInvariants(stack.databaseUrl, stack.emulator, stack.stripe, checkouts);
  const violations = [...verdict.violations];
  if (!ending.faults) {
    if (verdict.figures.failedDeliveries > 0) {
      violations.push(
        `webhook deliveries refused without a fault: ${verdict.figures.failedDeliveries}`,
      );
    }
    const serverErrors = (ending.traffic ?? []).reduce((sum, c) => sum + c.serverErrors, 0);
    if (serverErrors > 0)
      violations.push(`5xx answers to shoppers without a fault: ${serverErrors}`);
  }

  return { figures: verdict.figures, restarts: ending.restarts ?? 0, violations };
}

/** Starts the stack, runs `work`, and always stops every process the stack started. */
export async function withStack(
  suite: Suite,
  options: StackOptions,
  work: (stack: ScenarioStack) => Promise<ScenarioResult>,
): Promise<ScenarioResult> {
  const stack = await ScenarioStack.start(suite, options);
  try {
    return await work(stack);
  } finally {
    await stack.close();
  }
}
