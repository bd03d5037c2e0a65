// `reconcile`: Stripe's PaymentIntents against our orders, repairing what is missing or behind.
import { reconcile, type ReconcileReport } from "@/lib/ops/reconcile";

import { optionalString, UsageError, type Command } from "../command";
import { EXIT } from "../exit-codes";
import type { Output } from "../output";

const PROGRESS_EVERY = 25;

export const reconcileCommand: Command = {
  name: "reconcile",
  summary: "repair orders from Stripe's PaymentIntents of the last 24 h (or --since)",
  args: "[--since 24h] [--dry-run]",
  description: [
    "Runbook case 2 for many orders at once. Lists the shop's PaymentIntents created since",
    "--since (only those with a cartId in their metadata) and, through the one fulfilment path",
    "(source reconcile), creates or moves every order Stripe disagrees with: succeeded → Paid,",
    "failed → Failed, canceled → Canceled. ResolveStatus still decides: a Paid order is never",
    "regressed; such disagreements are reported as conflicts for a human. Intents processing",
    "for more than 10 minutes are reported as stuck. Idempotent; safe while traffic flows.",
    "",
    "--since takes a duration (30m, 24h, 7d) or an ISO date.",
    "",
    "Exit codes: 0 all fine or repaired, 1 stuck, conflicts or errors (or, with --dry-run,",
    "something to repair), 4 Stripe or the database unreachable.",
  ].join("\n"),
  options: {
    since: { type: "string", value: "<duration|date>", description: "how far back (default 24h)" },
    "dry-run": { type: "boolean", description: "report what would be repaired, change nothing" },
  },
  positionals: { min: 0, max: 0 },

  async run(input) {
    const { out, services } = input;
    const since = parseSince(optionalString(input, "since") ?? "24h", new Date());
    const dryRun = input.values["dry-run"] === true;

    out.progress(`reconcile: PaymentIntents created since ${since.toISOString()}…`);
    const report = await reconcile(services.db(), services.stripe(), {
      since,
      dryRun,
      onProgress: (checked) => {
        if (checked % PROGRESS_EVERY === 0) out.progress(`reconcile: ${checked} checked…`);
      },
    });

    out.result(report);
    print(out, report);

    const { summary } = report;
    const problems = summary.stuck + summary.conflicts + summary.errors + summary.wouldRepair;
    return problems > 0 ? EXIT.problem : EXIT.ok;
  },
};

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseSince(text: string, now: Date): Date {
  const duration = /^(\d+)([mhd])$/.exec(text);
  if (duration) return new Date(now.getTime() - Number(duration[1]) * UNITS[duration[2]!]!);

  const date = new Date(text);
  if (/^\d{4}-\d{2}-\d{2}/.test(text) && !Number.isNaN(date.getTime())) return date;

  throw new UsageError(`--since must be a duration like 30m, 24h, 7d or an ISO date, not ${text}`);
}

function print(out: Output, report: ReconcileReport): void {
  out.line(`Reconcile since ${report.since}${report.dryRun ? " (dry run: nothing changed)" : ""}`);
  if (report.items.length > 0) {
    out.line();
    out.table(
      ["PaymentIntent", "cart", "Stripe", "order before", "order after", "result", "detail"],
      report.items.map((item) => [
        item.paymentIntentId,
        item.cartId,
        item.stripeStatus,
        item.orderStatusBefore,
        item.orderStatusAfter,
        item.verdict,
        item.detail ?? null,
      ]),
    );
  }

  const { summary } = report;
  out.line();
  out.table(
    [
      "checked",
      report.dryRun ? "would repair" : "repaired",
      "already fine",
      "stuck",
      "conflicts",
    ].concat(["not paid yet", "errors", "not ours"]),
    [
      [
        summary.checked,
        report.dryRun ? summary.wouldRepair : summary.repaired,
        summary.alreadyFine,
        summary.stuck,
        summary.conflicts,
        summary.open,
        summary.errors,
        summary.notOurs,
      ],
    ],
  );
  if (summary.conflicts > 0) {
    out.line(
      "Conflicts need a human: `order <pi_…>`, then `set-status` with --reason and --actor.",
    );
  }
  if (summary.stuck > 0) {
    out.line("Stuck intents: look them up in the Stripe Dashboard; the webhook will settle them.");
  }
}
