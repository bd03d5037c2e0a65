import { defineConfig } from "vitest/config";

// Runs the emulator's suite on its own, without the app's global setup (PostgreSQL):
// npx vitest run --config stripe-emulator/vitest.config.ts
export default defineConfig({
  test: {
    root: new URL(".", import.meta.url).pathname,
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
