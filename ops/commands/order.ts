// `order`: what happened to an order, without reading code or SQL (runbook cases 2 and 3).
import { orderReport, type IntentReport } from "@/lib/ops/order-report";

import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import type { Output } from "../output";

export const orderCommand: Command = {
  name: "order",
  summary: "an order, its status history, its webhook events and the intent on Stripe now",
  args: "<orderId | pi_… | cartId>",
  description: [
    "Finds the order by its id (a UUID), its PaymentIntent id (pi_…) or its cart id, and shows",
    "the order row, the audit trail of its status (oldest first, refused changes included), the",
    "webhook events stored for its PaymentIntent, and the PaymentIntent as Stripe sees it now.",
    "When Stripe cannot be reached, the rest is still shown with one line saying so.",
    "",
    "Exit codes: 0 an order was found, 3 no order (what is known is still shown), 4 no database.",
  ].join("\n"),
  options: {},
  positionals: { min: 1, max: 1 },

  async run({ out, positionals, services }) {
    const query = positionals[0]!;
    const report = await orderReport(services.db(), services.stripe(), query);
    const found = report.intents.some((intent) => intent.order);
    out.result({ found, ...report });

    if (report.cart) {
      const intent = report.cart.paymentIntentId ?? "no PaymentIntent yet";
      out.line(`Cart ${report.cart.id} still exists (${intent}), updated ${report.cart.updatedAt}`);
    }
    if (report.intents.length === 0) {
      out.line(`No order, cart or PaymentIntent found for ${query}.`);
      return EXIT.notFound;
    }

    for (const intent of report.intents) {
      out.line();
      printIntent(out, intent);
    }
    if (!found) {
      out.line();
      out.line(`No order recorded for ${query}.`);
    }
    return found ? EXIT.ok : EXIT.notFound;
  },
};

function printIntent(out: Output, report: IntentReport): void {
  const { order } = report;
  if (order) {
    out.line(`Order #${order.number}  ${order.id}  ${order.status}`);
    out.line(
      `  PaymentIntent ${order.paymentIntentId}  cart ${order.cartId}  user ${order.userId}`,
    );
    out.line(
      `  amount ${order.amount} ${order.currency} (minor units), refunded ${order.amountRefunded}` +
        `  email ${order.email || "—"}`,
    );
    out.line(
      `  created ${order.createdAt}  updated ${order.updatedAt}  paid ${order.paidAt ?? "—"}`,
    );
  } else {
    out.line(`PaymentIntent ${report.paymentIntentId}: no order recorded`);
  }

  out.line();
  out.line("Status history (audit trail, oldest first)");
  if (report.history.length === 0) out.line("  none");
  else {
    out.table(
      ["at", "from", "to", "applied", "source", "actor", "event", "reason"],
      report.history.map((entry) => [
        entry.at,
        entry.from,
        entry.to,
        entry.applied ? "yes" : "REFUSED",
        entry.source,
        entry.actor,
        entry.stripeEventId,
        entry.reason,
      ]),
    );
  }

  out.line();
  out.line(`Webhook events for ${report.paymentIntentId} (inbox, oldest first)`);
  if (report.events.length === 0) out.line("  none received");
  else {
    out.table(
      ["received", "event", "type", "state", "attempts", "last error"],
      report.events.map((event) => [
        event.receivedAt,
        event.id,
        event.type,
        event.state,
        event.attempts,
        event.lastError,
      ]),
    );
  }

  out.line();
  const { stripe } = report;
  if (stripe.state === "found") {
    const implied = stripe.impliedOrderStatus
      ? ` (order should be ${stripe.impliedOrderStatus})`
      : "";
    out.line(`Stripe now: ${stripe.status}${implied}, ${stripe.amount} ${stripe.currency}`);
    if (stripe.lastPaymentError) out.line(`  last payment error: ${stripe.lastPaymentError}`);
  } else if (stripe.state === "not_found") {
    out.line("Stripe now: Stripe does not know this PaymentIntent (wrong account or mode?)");
  } else {
    out.line(`Stripe now: UNREACHABLE (${stripe.error}); the rest comes from the database`);
  }
  if (report.advice) out.line(`Next step: ${report.advice}`);
}
