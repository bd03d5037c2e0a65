// What must hold after every scenario, read with plain SQL from the scenario's database (never
// through the app) and compared with what the Stripe emulator says happened.
import pg from "pg";
import type Stripe from "stripe";

import type { StripeEmulator } from "../stripe-emulator/src/index";

import type { Checkout } from "./shopper";
import { mapConcurrent } from "./util";

export interface Figures {
  checkouts: number;
  events: number;
  deliveries: number;
  duplicates: number;
  failedDeliveries: number;
  lost: number;
  regressions: number;
  /** Which path created the orders: shows that finalize and the webhook both won races. */
  createdBy: Record<string, number>;
}

export interface Verdict {
  figures: Figures;
  violations: string[];
}

const EXPECTED: Partial<Record<Stripe.PaymentIntent.Status, string>> = {
  succeeded: "Paid",
  processing: "Processing",
  canceled: "Canceled",
};

interface OrderRow {
  paymentIntentId: string;
  id: string;
  status: string;
  amount: number;
  cartId: string;
  paidAt: Date | null;
}

interface HistoryRow {
  orderId: string;
  fromStatus: string | null;
  toStatus: string;
}

export async function checkInvariants(
  databaseUrl: string,
  emulator: StripeEmulator,
  stripe: Stripe,
  checkouts: Checkout[],
): Promise<Verdict> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const query = async <R extends pg.QueryResultRow>(sql: string) =>
      (await client.query<R>(sql)).rows;
    const violations: string[] = [];
    const report = (what: string, examples: unknown[]) => {
      if (examples.length === 0) return;
      const shown = examples.slice(0, 3).map((example) => JSON.stringify(example));
      violations.push(`${what}: ${examples.length} (${shown.join("; ")})`);
    };

    // Per PaymentIntent exactly one order, with Stripe's amount and the status Stripe implies.
    const orders = await query<OrderRow>(
      `SELECT id, "paymentIntentId", status, amount, "cartId", "paidAt" FROM "PaymentOrders"`,
    );
    const orderOf = new Map(orders.map((order) => [order.paymentIntentId, order]));
    const intents = await mapConcurrent(checkouts, 8, (checkout) =>
      stripe.paymentIntents.retrieve(checkout.paymentIntentId),
    );
    const ours = new Set(checkouts.map((checkout) => checkout.paymentIntentId));
    report(
      "orders for unknown PaymentIntents",
      orders
        .filter((order) => !ours.has(order.paymentIntentId))
        .map((order) => order.paymentIntentId),
    );
    const wrong = intents.flatMap((intent): object[] => {
      const order = orderOf.get(intent.id);
      const expected = EXPECTED[intent.status] ?? (intent.last_payment_error ? "Failed" : null);
      if (!order) return expected ? [{ intent: intent.id, expected, order: "missing" }] : [];
      if (order.status !== expected) return [{ intent: intent.id, expected, status: order.status }];
      if (order.amount !== intent.amount) return [{ intent: intent.id, amount: order.amount }];
      if (order.status === "Paid" && !order.paidAt) return [{ intent: intent.id, paidAt: null }];
      return [];
    });
    report("orders missing or not matching Stripe", wrong);

    // Paid never regresses, and the audit trail tells each order's story without a gap.
    const history = await query<HistoryRow>(
      `SELECT "orderId", "fromStatus", "toStatus" FROM "OrderStatusHistory"
        WHERE applied ORDER BY "orderId", id`,
    );
    const regressions = history.filter(
      (row) => row.fromStatus === "Paid" && row.toStatus !== "Refunded",
    );
    report("applied changes out of Paid", regressions);
    report("audit trails with a gap", brokenTrails(history, orders));

    const doubled = await query(
      `SELECT "stripeEventId", count(*)::int AS n FROM "OrderStatusHistory"
        WHERE "stripeEventId" IS NOT NULL GROUP BY 1 HAVING count(*) > 1`,
    );
    report("events applied more than once", doubled);

    // A paid order's cart is gone.
    const leftCarts = await query(
      `SELECT o."paymentIntentId", c.id FROM "PaymentOrders" o JOIN "Cart" c ON c.id = o."cartId"
        WHERE o.status IN ('Paid', 'Refunded')`,
    );
    report("carts of paid orders still present", leftCarts);

    // Every event Stripe sent ends in the inbox, processed or deliberately ignored.
    const inbox = await query<{ id: string; state: string }>(
      `SELECT id, state FROM "WebhookEvent"`,
    );
    const stateOf = new Map(inbox.map((row) => [row.id, row.state]));
    const events = emulator.events();
    const lost = events
      .filter((event) => !["Processed", "Ignored"].includes(stateOf.get(event.id) ?? "missing"))
      .map((event) => ({ event: event.id, type: event.type, state: stateOf.get(event.id) }));
    report("events not applied", lost);
    const unsettled = inbox.filter((row) => row.state === "Pending" || row.state === "Failed");
    report("inbox events left Pending or Failed", unsettled);
    const ignoredSucceeded = events.filter(
      (event) =>
        event.type === "payment_intent.succeeded" &&
        ours.has(String(event.data.object.id)) &&
        stateOf.get(event.id) !== "Processed",
    );
    report(
      "succeeded events of ours not Processed",
      ignoredSucceeded.map((event) => event.id),
    );

    const creators = await query<{ source: string; n: number }>(
      `SELECT source, count(*)::int AS n FROM "OrderStatusHistory"
        WHERE "fromStatus" IS NULL GROUP BY source ORDER BY source`,
    );

    return {
      figures: {
        checkouts: checkouts.length,
        events: events.length,
        ...deliveryFigures(emulator),
        lost: lost.length,
        regressions: regressions.length,
        createdBy: Object.fromEntries(creators.map((row) => [row.source, row.n])),
      },
      violations,
    };
  } finally {
    await client.end();
  }
}

/** Each order's applied changes must start from nothing and chain to its current status. */
function brokenTrails(history: HistoryRow[], orders: OrderRow[]): unknown[] {
  const trails = new Map<string, HistoryRow[]>();
  for (const row of history) trails.set(row.orderId, [...(trails.get(row.orderId) ?? []), row]);

  return orders.flatMap((order) => {
    const trail = trails.get(order.id) ?? [];
    let current: string | null = null;
    for (const row of trail) {
      if (row.fromStatus !== current) return [{ order: order.id, trail }];
      current = row.toStatus;
    }
    return current === order.status ? [] : [{ order: order.id, status: order.status, trail }];
  });
}

function deliveryFigures(emulator: StripeEmulator) {
  const deliveries = emulator.deliveries();
  const accepted = new Set<string>();
  let duplicates = 0;
  for (const delivery of deliveries) {
    if (!delivery.ok) continue;
    if (accepted.has(delivery.eventId)) duplicates++;
    accepted.add(delivery.eventId);
  }
  return {
    deliveries: deliveries.length,
    duplicates,
    failedDeliveries: deliveries.filter((delivery) => !delivery.ok).length,
  };
}
