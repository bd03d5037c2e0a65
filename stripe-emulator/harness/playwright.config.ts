import { defineConfig } from "@playwright/test";

// Runs only the emulator's browser test, without the app's webServer:
// npx playwright test -c stripe-emulator/harness/playwright.config.ts
export default defineConfig({
  testDir: "../../e2e",
  testMatch: "stripe-emulator.spec.ts",
  outputDir: "../../test-results/stripe-emulator",
  workers: 1,
  timeout: 30_000,
  reporter: [["list"]],
});
