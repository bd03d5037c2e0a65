// `doctor`: one line per check, OK or FAIL with the fix, exit 1 on any FAIL, and never a secret.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { runDoctor } from "@/lib/ops/doctor";

import { usePaymentsHarness } from "../helpers/payments-harness";
import { useTestDatabase } from "../helpers/test-database";
import { ops } from "./ops-fixtures";

const db = useTestDatabase();
usePaymentsHarness();

/** The settings the test process runs with, changed as a deployment could get them wrong. */
function envWith(changes: Record<string, string | undefined>) {
  return { ...process.env, ...changes };
}

function lineOf(stdout: string, check: string): string {
  const line = stdout.split("\n").find((candidate) => candidate.slice(6).startsWith(check));
  if (!line) throw new Error(`no line for ${check} in:\n${stdout}`);
  return line;
}

describe("doctor", () => {
  it("passes every check on a well-configured shop", async () => {
    const { code, stdout } = await ops(["doctor"], { env: envWith({}) });

    expect(stdout).toContain("All checks passed.");
    expect(code).toBe(0);
    expect(lineOf(stdout, "database")).toMatch(
      /^OK +database +reachable at 127\.0\.0\.1:\d+\/test_/,
    );
    expect(lineOf(stdout, "migrations")).toMatch(/^OK .* all \d+ applied/);
    expect(lineOf(stdout, "Stripe API")).toMatch(/^OK .* accepts the secret key/);
  });

  it("names each missing or malformed setting with its fix, and never shows a value", async () => {
    const env = envWith({
      STRIPE_SECRET_KEY: undefined,
      STRIPE_WEBHOOK_SECRET: "supersecret-not-a-whsec",
      STRIPE_CURRENCY: "euro",
    });

    const { code, stdout } = await ops(["doctor"], { env });

    expect(code).toBe(1);
    expect(lineOf(stdout, "STRIPE_SECRET_KEY")).toMatch(
      /^FAIL +STRIPE_SECRET_KEY \(StripeSettings:SecretKey\) +is not set → .*API keys/,
    );
    expect(lineOf(stdout, "STRIPE_WEBHOOK_SECRET")).toMatch(
      /^FAIL .*is malformed \(value not shown\) → .*Signing secret \(whsec_…\)/,
    );
    expect(lineOf(stdout, "STRIPE_CURRENCY")).toMatch(/^FAIL .*ISO 4217/);
    expect(lineOf(stdout, "key modes")).toMatch(/^SKIP/);
    expect(lineOf(stdout, "Stripe API")).toMatch(/^SKIP/);
    expect(stdout).not.toContain("supersecret");
    expect(stdout).not.toContain("postgres:postgres");
  });

  it("fails when the keys and STRIPE_MODE disagree", async () => {
    const { code, stdout } = await ops(["doctor"], {
      env: envWith({ STRIPE_MODE: "live", STRIPE_API_BASE: undefined }),
    });

    expect(code).toBe(1);
    expect(lineOf(stdout, "key modes")).toMatch(
      /^FAIL +key modes +STRIPE_SECRET_KEY is a test key but STRIPE_MODE is live → /,
    );
  });

  it("fails when the catalog is priced in another currency than STRIPE_CURRENCY", async () => {
    await db.query(`UPDATE "Product" SET currency = 'usd' WHERE id = 'tea-tin'`);
    try {
      const { code, stdout, json } = await ops(["doctor", "--json"], { env: envWith({}) });

      expect(code).toBe(1);
      expect(stdout).not.toContain("sk_test_");
      expect(json.ok).toBe(false);
      expect(json.checks).toContainEqual({
        name: "catalog currency",
        status: "FAIL",
        detail: "STRIPE_CURRENCY is eur but the catalog has prices in usd",
        fix: expect.stringContaining("set STRIPE_CURRENCY"),
      });
    } finally {
      await db.query(`UPDATE "Product" SET currency = 'eur' WHERE id = 'tea-tin'`);
    }
  });

  it("fails when the Stripe API cannot be reached", async () => {
    const { code, stdout } = await ops(["doctor"], {
      env: envWith({ STRIPE_API_BASE: "http://127.0.0.1:9" }),
    });

    expect(code).toBe(1);
    expect(lineOf(stdout, "Stripe API")).toMatch(/^FAIL .*cannot reach http:\/\/127\.0\.0\.1:9 → /);
  });

  it("fails when the database cannot be reached, without showing its password", async () => {
    const { code, stdout } = await ops(["doctor"], {
      env: envWith({ DATABASE_URL: "postgresql://ops:hunter2@127.0.0.1:9/checkout" }),
    });

    expect(code).toBe(1);
    expect(lineOf(stdout, "database")).toMatch(/^FAIL +database +unreachable at 127\.0\.0\.1:9/);
    expect(lineOf(stdout, "migrations")).toMatch(/^SKIP/);
    expect(stdout).not.toContain("hunter2");
  });

  it("fails when a migration of the code is not applied to the database", async () => {
    const shipped = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
    const migrationsDir = path.join(mkdtempSync(path.join(os.tmpdir(), "ops-doctor-")), "m");
    cpSync(shipped, migrationsDir, { recursive: true });
    mkdirSync(path.join(migrationsDir, "20991231000000_future"));
    writeFileSync(path.join(migrationsDir, "20991231000000_future", "migration.sql"), "");

    const checks = await runDoctor({ env: envWith({}), migrationsDir });

    expect(checks).toContainEqual({
      name: "migrations",
      status: "FAIL",
      detail: "1 not applied: 20991231000000_future",
      fix: "run `npx prisma migrate deploy` with this DATABASE_URL",
    });
  });

  it("fails on recent signature failures and failed inbox events, with the fix", async () => {
    await db.query(
      `INSERT INTO "WebhookSignatureFailure" (minute, cause, count)
       VALUES (date_trunc('minute', now()), 'no_matching_signature', 3)`,
    );
    await db.query(
      `INSERT INTO "WebhookEvent" (id, type, payload, state)
       VALUES ('evt_doc', 'x', '{}', 'Failed')`,
    );
    try {
      const { code, stdout } = await ops(["doctor"], { env: envWith({}) });

      expect(code).toBe(1);
      expect(lineOf(stdout, "webhook signatures")).toMatch(
        /^FAIL .*3 rejected in the last hour \(no_matching_signature 3\) → STRIPE_WEBHOOK_SECRET/,
      );
      expect(lineOf(stdout, "webhook inbox")).toMatch(/^FAIL .*1 failed.*events --failed/);
    } finally {
      await db.query(`DELETE FROM "WebhookSignatureFailure"`);
      await db.query(`DELETE FROM "WebhookEvent" WHERE id = 'evt_doc'`);
    }
  });
});
