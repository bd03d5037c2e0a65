import os from "node:os";
import path from "node:path";

import { defineConfig, devices } from "@playwright/test";

import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/browser";

// The browser tests run the production build with their own embedded PostgreSQL and Stripe
// emulator on ports of their own, so they never touch the data of a developer's `npm start`.
export const E2E = {
  port: 3100,
  databasePort: 54330,
  emulatorPort: 12112,
  dataDir: path.join(os.tmpdir(), "checkout-e2e", "postgres"),
};
export const E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E.databasePort}/checkout`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E.emulatorPort}`;

/**
 * Opt-in: `E2E_STRIPE=real` with Stripe test keys in the environment runs the post-release smoke
 * test against Stripe itself (network needed); the emulator-only tests then skip themselves.
 */
export const E2E_REAL_STRIPE = process.env.E2E_STRIPE === "real";

function stripeEnv(): Record<string, string> {
  if (!E2E_REAL_STRIPE) {
    return { STRIPE_SECRET_KEY: "", STRIPE_PUBLIC_KEY: "", STRIPE_WEBHOOK_SECRET: "" };
  }

  return {
    STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY ?? "",
    STRIPE_PUBLIC_KEY: process.env.STRIPE_PUBLIC_KEY ?? "",
    STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET ?? "",
    STRIPE_MODE: process.env.STRIPE_MODE || "test",
    STRIPE_CURRENCY: process.env.STRIPE_CURRENCY || "eur",
  };
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E.port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npm start",
    url: `http://127.0.0.1:${E2E.port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(E2E.port),
      EMBEDDED_PG_PORT: String(E2E.databasePort),
      STRIPE_EMULATOR_PORT: String(E2E.emulatorPort),
      CHECKOUT_DATA_DIR: E2E.dataDir,
      CHECKOUT_FRESH_DATA: "1",
      DATABASE_URL: "",
      ...stripeEnv(),
      LOG_LEVEL: "warn",
    },
  },
});
