// `doctor`: the deploy checklist as checks, each one line OK or FAIL with the fix. It reads the
// settings it is given rather than the process's configuration, so it still answers (with what
// is wrong) when that configuration would stop the server. Setting values are never shown.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Stripe from "stripe";

import { catalogCurrencies } from "@/lib/catalog/products";
import { ConfigError, describeConfig, parseConfig, type Config } from "@/lib/config/config";
import { createDb, type Db } from "@/lib/db/client";
import { createStripe } from "@/lib/stripe/client";
import { webhookHealth } from "@/lib/webhooks/webhook-health";

import { describeError } from "./errors";

export type CheckStatus = "OK" | "FAIL" | "SKIP";

export interface Check {
  name: string;
  status: CheckStatus;
  detail: string;
  /** What to do about a FAIL (or why a check was skipped). */
  fix?: string;
}

export interface DoctorOptions {
  env?: Record<string, string | undefined>;
  /** The migrations the code ships with; defaults to prisma/migrations of this checkout. */
  migrationsDir?: string;
  now?: Date;
}

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

const SETTINGS: Record<string, { runbookName?: string; fix: string; optional?: boolean }> = {
  DATABASE_URL: { fix: "set it to postgresql://user:password@host:5432/database" },
  STRIPE_SECRET_KEY: {
    runbookName: "StripeSettings:SecretKey",
    fix: "Dashboard → Developers → API keys: the secret key (sk_test_…/sk_live_…, or rk_…)",
  },
  STRIPE_WEBHOOK_SECRET: {
    runbookName: "StripeSettings:WebhookSecret",
    fix: "Dashboard → Webhooks → endpoint POST /api/payments/webhook → Signing secret (whsec_…)",
  },
  STRIPE_PUBLIC_KEY: {
    fix: "Dashboard → Developers → API keys: the publishable key (pk_test_…/pk_live_…)",
  },
  STRIPE_MODE: { fix: "set it to test or live, the mode of both keys" },
  STRIPE_CURRENCY: {
    runbookName: "StripeSettings:Currency",
    fix: "set it to the ISO 4217 code of the catalog's prices, e.g. eur",
  },
  STRIPE_API_BASE: {
    optional: true,
    fix: "only for the local emulator (http://127.0.0.1:12111); unset it anywhere else",
  },
};

export async function runDoctor(options: DoctorOptions = {}): Promise<Check[]> {
  const env = options.env ?? process.env;
  const checks = settingChecks(env);

  const config = modesCheck(env, checks);
  const databaseReady = describeConfig(env).DATABASE_URL === "ok";
  const db = databaseReady ? createDb(env.DATABASE_URL!.trim(), 2) : null;
  try {
    checks.push(...(await databaseChecks(db, env, config, options)));
  } finally {
    await db?.$disconnect().catch(() => undefined);
  }
  checks.push(await stripeCheck(env));

  return checks;
}

function settingChecks(env: Record<string, string | undefined>): Check[] {
  return Object.entries(describeConfig(env)).map(([name, state]) => {
    const setting = SETTINGS[name] ?? { fix: "see docs/runbook.md" };
    const label = setting.runbookName ? `${name} (${setting.runbookName})` : name;
    if (state === "ok") {
      const unset = setting.optional && !env[name]?.trim();
      return { name: label, status: "OK", detail: unset ? "not set (real Stripe)" : "set" };
    }
    return {
      name: label,
      status: "FAIL",
      detail: state === "missing" ? "is not set" : "is malformed (value not shown)",
      fix: setting.fix,
    };
  });
}

/** The settings together: keys and STRIPE_MODE agree, no emulator in live mode. */
function modesCheck(env: Record<string, string | undefined>, checks: Check[]): Config | null {
  if (checks.some((check) => check.status === "FAIL")) {
    checks.push({
      name: "key modes",
      status: "SKIP",
      detail: "not checked",
      fix: "fix the settings above first",
    });
    return null;
  }

  try {
    const config = parseConfig(env);
    checks.push({
      name: "key modes",
      status: "OK",
      detail: `secret key, public key and STRIPE_MODE are all ${config.stripe.mode}`,
    });
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    checks.push({
      name: "key modes",
      status: "FAIL",
      detail: error.message,
      fix: "take both keys from the same Stripe account and mode, and set STRIPE_MODE to it",
    });
    return null;
  }
}

/** The checks that read the database, in the order they run after "database". */
const NEEDS_DATABASE = [
  "migrations",
  "catalog currency",
  "webhook signatures",
  "webhook inbox",
  "last webhook",
];

async function databaseChecks(
  db: Db | null,
  env: Record<string, string | undefined>,
  config: Config | null,
  options: DoctorOptions,
): Promise<Check[]> {
  if (!db) return skipped(["database", ...NEEDS_DATABASE], "needs a valid DATABASE_URL");

  const where = describeServer(env.DATABASE_URL!);
  try {
    await db.$queryRaw`SELECT 1`;
  } catch (error) {
    return [
      {
        name: "database",
        status: "FAIL",
        detail: `unreachable at ${where} (${describeError(error)})`,
        fix: "check that the server is up and reachable from here, and DATABASE_URL's credentials",
      },
      ...skipped(NEEDS_DATABASE, "needs the database"),
    ];
  }

  const checks: Check[] = [{ name: "database", status: "OK", detail: `reachable at ${where}` }];
  checks.push(await migrationsCheck(db, options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR));
  if (checks[1]!.status !== "OK") {
    return [...checks, ...skipped(NEEDS_DATABASE.slice(1), "needs the migrated schema")];
  }

  checks.push(await currencyCheck(db, env, config));
  checks.push(...(await webhookChecks(db, options.now ?? new Date())));
  return checks;
}

function skipped(names: string[], why: string): Check[] {
  return names.map((name) => ({ name, status: "SKIP", detail: "not checked", fix: why }));
}

/** The server's host, port and database name: never the credentials. */
function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
  } catch {
    return "the configured server";
  }
}

async function migrationsCheck(db: Db, migrationsDir: string): Promise<Check> {
  const shipped = readdirSync(migrationsDir)
    .filter((name) => statSync(path.join(migrationsDir, name)).isDirectory())
    .sort();

  let rows: { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[];
  try {
    rows = await db.$queryRaw`
      SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`;
  } catch {
    return {
      name: "migrations",
      status: "FAIL",
      detail: "no migration was ever applied to this database",
      fix: "run `npx prisma migrate deploy` with this DATABASE_URL",
    };
  }

  const applied = new Set(rows.filter((row) => row.finished_at).map((row) => row.migration_name));
  const failed = rows.filter((row) => !row.finished_at && !row.rolled_back_at);
  const missing = shipped.filter((name) => !applied.has(name));
  const unknown = [...applied].filter((name) => !shipped.includes(name));

  if (failed.length > 0) {
    return {
      name: "migrations",
      status: "FAIL",
      detail: `failed: ${failed.map((row) => row.migration_name).join(", ")}`,
      fix: "read `npx prisma migrate status`, fix the cause, then `npx prisma migrate resolve`",
    };
  }
  if (missing.length > 0) {
    return {
      name: "migrations",
      status: "FAIL",
      detail: `${missing.length} not applied: ${missing.join(", ")}`,
      fix: "run `npx prisma migrate deploy` with this DATABASE_URL",
    };
  }
  if (unknown.length > 0) {
    return {
      name: "migrations",
      status: "FAIL",
      detail: `the database has migrations this code does not ship: ${unknown.join(", ")}`,
      fix: "this code is older than the database: deploy the release that added them",
    };
  }
  return { name: "migrations", status: "OK", detail: `all ${shipped.length} applied` };
}

async function currencyCheck(
  db: Db,
  env: Record<string, string | undefined>,
  config: Config | null,
): Promise<Check> {
  const name = "catalog currency";
  if (describeConfig(env).STRIPE_CURRENCY !== "ok") {
    return { name, status: "SKIP", detail: "not checked", fix: "needs a valid STRIPE_CURRENCY" };
  }

  const currency = config?.stripe.currency ?? env.STRIPE_CURRENCY!.trim().toLowerCase();
  const currencies = await catalogCurrencies(db);
  if (currencies.length === 0) {
    return { name, status: "OK", detail: "the catalog has no active product yet" };
  }

  const others = currencies.filter((code) => code !== currency);
  if (others.length === 0) {
    return { name, status: "OK", detail: `every active price is in ${currency}` };
  }
  return {
    name,
    status: "FAIL",
    detail: `STRIPE_CURRENCY is ${currency} but the catalog has prices in ${others.join(", ")}`,
    fix: "set STRIPE_CURRENCY to the catalog's currency, or reprice the catalog",
  };
}

const SIGNATURE_FIXES: Record<string, string> = {
  no_matching_signature:
    "STRIPE_WEBHOOK_SECRET is not this endpoint's signing secret (or is from the other mode): " +
    "copy it again from the Dashboard, or roll it and update the setting",
  timestamp_out_of_tolerance:
    "this server's clock is off, or a proxy delays or replays deliveries: check NTP and the proxy",
  missing_header:
    "a proxy drops the Stripe-Signature header, or something other than Stripe posts here",
  malformed_header: "a proxy rewrites the Stripe-Signature header, or a client forges requests",
  malformed_payload:
    "the body is altered on the way (proxy re-encoding or compression): it must arrive unchanged",
};

async function webhookChecks(db: Db, now: Date): Promise<Check[]> {
  const health = await webhookHealth(db, now);
  const checks: Check[] = [];

  const failures = health.signatureFailuresLastHour;
  if (failures.total === 0) {
    checks.push({
      name: "webhook signatures",
      status: "OK",
      detail: "no rejection in the last hour",
    });
  } else {
    const causes = Object.entries(failures.byCause).sort((a, b) => b[1] - a[1]);
    checks.push({
      name: "webhook signatures",
      status: "FAIL",
      detail:
        `${failures.total} rejected in the last hour (` +
        causes.map(([cause, count]) => `${cause} ${count}`).join(", ") +
        ")",
      fix: SIGNATURE_FIXES[causes[0]![0]] ?? "see docs/runbook.md, case 4",
    });
  }

  const { pending, failed } = health.inbox;
  checks.push(
    failed === 0
      ? { name: "webhook inbox", status: "OK", detail: `no failed event, ${pending} pending` }
      : {
          name: "webhook inbox",
          status: "FAIL",
          detail: `${failed} failed, ${pending} pending`,
          fix: "list them with `npm run ops -- events --failed`, fix the cause, `replay` each",
        },
  );

  checks.push({
    name: "last webhook",
    status: "OK",
    detail:
      health.lastReceivedAgeSeconds === null
        ? "none received yet"
        : `received ${formatAge(health.lastReceivedAgeSeconds)} ago`,
  });
  return checks;
}

function formatAge(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;

  return `${Math.round(seconds / 3600)} h`;
}

async function stripeCheck(env: Record<string, string | undefined>): Promise<Check> {
  const name = "Stripe API";
  const settings = describeConfig(env);
  if (settings.STRIPE_SECRET_KEY !== "ok" || settings.STRIPE_API_BASE !== "ok") {
    return { name, status: "SKIP", detail: "not checked", fix: "needs a valid STRIPE_SECRET_KEY" };
  }

  const apiBase = env.STRIPE_API_BASE?.trim() ? new URL(env.STRIPE_API_BASE.trim()) : null;
  const where = apiBase ? apiBase.origin : "api.stripe.com";
  const stripe = createStripe(env.STRIPE_SECRET_KEY!.trim(), apiBase, {
    maxNetworkRetries: 0,
    timeout: 8_000,
  });

  try {
    await stripe.paymentIntents.list({ limit: 1 });
    return { name, status: "OK", detail: `${where} answers and accepts the secret key` };
  } catch (error) {
    return { name, status: "FAIL", ...stripeFailure(error, where) };
  }
}

function stripeFailure(error: unknown, where: string): { detail: string; fix: string } {
  if (error instanceof Stripe.errors.StripeAuthenticationError) {
    return {
      detail: `${where} refuses STRIPE_SECRET_KEY (401)`,
      fix: "the key was rolled or belongs to another account: set the current one",
    };
  }
  if (error instanceof Stripe.errors.StripePermissionError) {
    return {
      detail: `${where} says the key may not read PaymentIntents`,
      fix: "give the restricted key read and write access to PaymentIntents, or use the secret key",
    };
  }
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return {
      detail: `cannot reach ${where}`,
      fix: "check outbound HTTPS from this host (DNS, firewall, proxy), or STRIPE_API_BASE",
    };
  }
  return {
    detail: `${where} answered with an error (${describeError(error)})`,
    fix: "see https://status.stripe.com and retry",
  };
}
