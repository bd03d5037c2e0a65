// `set-status`: runbook case 3, a manual status change with who and why, always audited.
import { OrderStatus } from "@prisma/client";

import { ManualChangeError, setOrderStatus } from "@/lib/ops/manual-status";
import { lookupKindOf } from "@/lib/ops/order-report";

import { requiredString, UsageError, type Command } from "../command";
import { EXIT } from "../exit-codes";

const STATUSES = Object.keys(OrderStatus) as OrderStatus[];

export const setStatusCommand: Command = {
  name: "set-status",
  summary: "change an order's status by hand, with --reason and --actor (audited)",
  args: `<orderId> <${STATUSES.join("|")}> --reason "…" --actor "…" [--force]`,
  description: [
    "Runbook case 3 (status inconsistent), when `reconcile` cannot settle it. The change is",
    "made under the order's row lock and written to the audit trail with source manual, the",
    "actor and the reason. ResolveStatus still refuses what it refuses everywhere (e.g. any",
    "change from Paid but to Refunded); the refused attempt is audited too. --force applies a",
    "refused change anyway and is audited like any other. Read `order <orderId>` first.",
    "",
    "Exit codes: 0 changed (or already so), 1 refused by ResolveStatus, 2 no reason, actor or a",
    "bad status, 3 no such order, 4 the database unreachable.",
  ].join("\n"),
  options: {
    reason: { type: "string", value: '"…"', description: "why (kept in the audit trail)" },
    actor: { type: "string", value: '"…"', description: "who (your name or ticket)" },
    force: { type: "boolean", description: "apply even a change ResolveStatus refuses" },
  },
  positionals: { min: 2, max: 2 },

  async run(input) {
    const [orderId, wanted] = input.positionals as [string, string];
    if (lookupKindOf(orderId) !== "order") {
      throw new UsageError("the order id must be the order's UUID (see `order <pi_…|cartId>`)");
    }
    const to = STATUSES.find((status) => status.toLowerCase() === wanted.toLowerCase());
    if (!to) throw new UsageError(`the status must be one of ${STATUSES.join(", ")}`);
    const reason = requiredString(input, "reason");
    const actor = requiredString(input, "actor");
    const force = input.values.force === true;

    const { out, services } = input;
    let result;
    try {
      result = await setOrderStatus(services.db(), orderId, { to, reason, actor, force });
    } catch (error) {
      if (error instanceof ManualChangeError) throw new UsageError(error.message);
      throw error;
    }
    out.result({ ok: result.outcome !== "refused", orderId, to, forced: force, ...result });

    if (result.outcome === "unchanged") {
      out.line(`Order ${orderId} is already ${to}: nothing changed, nothing recorded.`);
      return EXIT.ok;
    }
    if (result.outcome === "refused") {
      out.line(`Refused: ResolveStatus does not allow ${result.from} → ${to}; the order stays`);
      out.line(`${result.from}. The attempt is in the audit trail. If you are certain, repeat`);
      out.line("the command with --force (also audited).");
      return EXIT.problem;
    }
    const forced = force ? " (forced)" : "";
    out.line(`Order ${orderId}: ${result.from} → ${to}${forced}, audited as manual by ${actor}.`);
    return EXIT.ok;
  },
};
