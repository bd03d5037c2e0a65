// The browser tests' `test`: Playwright's own, plus a guard that fails any test during which the
// page broke its Content-Security-Policy, so every flow also proves the policy lets it work.
import { test as base, expect } from "@playwright/test";

interface CspGuard {
  /** A test that provokes a violation on purpose names it; any other still fails the test. */
  expectViolation(pattern: RegExp): void;
  /** What the browser reported so far. */
  violations(): string[];
}

export const test = base.extend<{ cspGuard: CspGuard }>({
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      const expected: RegExp[] = [];
      context.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });

      await use({
        expectViolation: (pattern) => expected.push(pattern),
        violations: () => [...violations],
      });

      const unexpected = violations.filter((text) => !expected.some((re) => re.test(text)));
      expect(unexpected, "the page broke its Content-Security-Policy").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
