// `doctor`: is this deployment configured and connected as the deploy checklist says?
import { runDoctor } from "@/lib/ops/doctor";

import type { Command } from "../command";
import { EXIT } from "../exit-codes";

export const doctorCommand: Command = {
  name: "doctor",
  summary: "check settings, database, migrations, catalog currency, Stripe and webhooks",
  args: "",
  description: [
    "The deploy checklist as checks, one line each, OK or FAIL with the fix (SKIP when an",
    "earlier failure makes a check meaningless): every setting present and well-formed, key",
    "modes agreeing, the database reachable and migrated, the catalog in STRIPE_CURRENCY,",
    "Stripe reachable with the secret key, webhook signature failures and failed events in the",
    "last hour. Values of settings are never shown. Runs with invalid settings too.",
    "",
    "Exit codes: 0 every check OK, 1 at least one FAIL.",
  ].join("\n"),
  options: {},
  positionals: { min: 0, max: 0 },

  async run({ out, services }) {
    const checks = await runDoctor({ env: services.env });
    const failed = checks.filter((check) => check.status === "FAIL").length;
    out.result({ ok: failed === 0, checks });

    const width = Math.max(...checks.map((check) => check.name.length));
    for (const check of checks) {
      const fix = check.status === "OK" || !check.fix ? "" : ` → ${check.fix}`;
      out.line(`${check.status.padEnd(4)}  ${check.name.padEnd(width)}  ${check.detail}${fix}`);
    }
    out.line();
    out.line(failed === 0 ? "All checks passed." : `${failed} check(s) failed.`);
    return failed === 0 ? EXIT.ok : EXIT.problem;
  },
};
