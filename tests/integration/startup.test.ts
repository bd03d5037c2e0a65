// The server's start-up hook (instrumentation.ts): a wrong setting stops the process with one
// line naming the variable, and a catalog in another currency than STRIPE_CURRENCY does too.
import { spawnSync } from "node:child_process";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { useTestDatabase } from "../helpers/test-database";
import { TEST_STRIPE_ENV } from "../helpers/test-env";

const db = useTestDatabase();

function startUp(env: Record<string, string>) {
  const script = `import("./instrumentation.ts").then((m) => m.register()).then(() => process.exit(0));`;
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--eval", script], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      NEXT_RUNTIME: "nodejs",
      LOG_LEVEL: "silent",
      ...env,
    },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

describe("start-up", () => {
  it("starts with a valid configuration", () => {
    expect(startUp({ ...TEST_STRIPE_ENV, DATABASE_URL: db.url })).toEqual({
      status: 0,
      stderr: "",
    });
  });

  it.each([
    ["STRIPE_MODE", "production", "Configuration error: STRIPE_MODE must be test or live"],
    ["STRIPE_SECRET_KEY", "", "Configuration error: STRIPE_SECRET_KEY is not set"],
    [
      "STRIPE_PUBLIC_KEY",
      "pk_live_abcdefghijkl",
      "Configuration error: STRIPE_PUBLIC_KEY is a live key but STRIPE_MODE is test",
    ],
  ])("stops with one line when %s is %j", (variable, value, line) => {
    const result = startUp({ ...TEST_STRIPE_ENV, DATABASE_URL: db.url, [variable]: value });

    expect(result).toEqual({ status: 1, stderr: line });
  });

  it("stops with one line when the database cannot be reached", () => {
    const result = startUp({
      ...TEST_STRIPE_ENV,
      DATABASE_URL: "postgresql://x:y@127.0.0.1:9/none",
    });

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Start-up failed: .+$/);
    expect(result.stderr).not.toContain("x:y");
  });

  it("stops when the catalog's currency is not STRIPE_CURRENCY", () => {
    const result = startUp({ ...TEST_STRIPE_ENV, STRIPE_CURRENCY: "usd", DATABASE_URL: db.url });

    expect(result).toEqual({
      status: 1,
      stderr: "Configuration error: STRIPE_CURRENCY is usd but the catalog has prices in eur",
    });
  });
});
