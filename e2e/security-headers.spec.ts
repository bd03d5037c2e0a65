// The response headers of the checkout pages as the browser receives them from the running shop:
// a Content-Security-Policy that lets in Stripe's hosts and nothing else from outside (plus the
// emulator in local mode), with a fresh nonce on every page, and the usual hardening headers.
import { gzipSync } from "node:zlib";

import { E2E_EMULATOR_URL, E2E_REAL_STRIPE } from "../playwright.config";

import { expect, test } from "./support/fixtures";
import { cartReadyToPay, paymentFormReady } from "./support/shop";
import { NEEDS_EMULATOR } from "./support/stripe";

test.skip(E2E_REAL_STRIPE, NEEDS_EMULATOR);

type Policy = Map<string, string[]>;

function parsePolicy(header: string | undefined): Policy {
  expect(header, "Content-Security-Policy header").toBeTruthy();

  return new Map(
    header!
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

const ALLOWED_HOSTS = [
  "https://js.stripe.com",
  "https://hooks.stripe.com",
  "https://api.stripe.com",
  E2E_EMULATOR_URL,
];

const sorted = (values: string[] | undefined) => [...(values ?? [])].sort();

test("checkout pages allow exactly Stripe's hosts and the emulator, with a nonce per response", async ({
  page,
}) => {
  await cartReadyToPay(page);

  for (const path of ["/cart", "/checkout/details", "/checkout/payment"]) {
    const response = (await page.request.get(path))!;
    expect(response.status(), path).toBe(200);
    const policy = parsePolicy(response.headers()["content-security-policy"]);
    const nonce = policy.get("script-src")?.find((source) => source.startsWith("'nonce-"));
    expect(nonce, `${path}: script nonce`).toMatch(/^'nonce-[A-Za-z0-9+/]{22}==?'$/);

    expect(sorted(policy.get("script-src"))).toEqual(
      sorted(["'self'", nonce!, "https://js.stripe.com", E2E_EMULATOR_URL]),
    );
    expect(sorted(policy.get("frame-src"))).toEqual(
      sorted(["https://js.stripe.com", "https://hooks.stripe.com"]),
    );
    expect(sorted(policy.get("connect-src"))).toEqual(
      sorted(["'self'", "https://api.stripe.com", E2E_EMULATOR_URL]),
    );
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);

    // No other address outside the shop, in any directive.
    const outside = [...policy.values()].flat().filter((source) => /^https?:/.test(source));
    for (const source of outside) expect(ALLOWED_HOSTS).toContain(source);

    // Every script of the page carries this response's nonce.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, `${path}: scripts`).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce!.slice(7, -1)}"`);
  }

  const first = (await page.request.get("/checkout/payment")).headers()["content-security-policy"];
  const second = (await page.request.get("/checkout/payment")).headers()["content-security-policy"];
  expect(first).not.toEqual(second);
});

test("pages carry the hardening headers", async ({ page }) => {
  await cartReadyToPay(page);

  for (const path of ["/", "/checkout/payment"]) {
    const headers = (await page.request.get(path)).headers();

    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"], path).toMatch(
      /^max-age=\d{8,}; includeSubDomains$/,
    );
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("the client settings script skips the page proxy: no nonce work, still hardened", async ({
  page,
}) => {
  const response = await page.request.get("/assets/env.js");
  const headers = response.headers();

  expect(response.status()).toBe(200);
  expect(headers["content-type"]).toContain("text/javascript");
  expect(headers["content-security-policy"]).toBeUndefined();
  expect(headers["x-content-type-options"]).toBe("nosniff");
});

test("the browser enforces the policy: a script from elsewhere is refused", async ({
  page,
  cspGuard,
}) => {
  cspGuard.expectViolation(/cdn\.example\.com/);
  await cartReadyToPay(page);
  await page.goto("/checkout/payment");
  await paymentFormReady(page, "€34.90");

  const refused = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener("securitypolicyviolation", (event) =>
          resolve(event.violatedDirective),
        );
        const script = document.createElement("script");
        script.src = "https://cdn.example.com/tracker.js";
        document.head.appendChild(script);
      }),
  );
  expect(refused).toBe("script-src-elem");
  // The guard every browser test runs with sees such a violation.
  await expect
    .poll(() => cspGuard.violations())
    .toEqual([expect.stringContaining("https://cdn.example.com/tracker.js")]);
});

test("the Payment page's first-load JavaScript stays under 150 kB gzipped", async ({ page }) => {
  await cartReadyToPay(page);
  const html = await (await page.request.get("/checkout/payment")).text();
  // Modern browsers skip `noModule` scripts (polyfills for old ones), so they are not counted.
  const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map(([, attributes]) => attributes!)
    .filter((attributes) => !/\bnoModule\b/i.test(attributes))
    .map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1])
    .filter((src): src is string => Boolean(src));
  expect(sources.length).toBeGreaterThan(1);

  let total = 0;
  for (const src of sources) {
    const body = await (await page.request.get(src)).body();
    total += gzipSync(body).length;
  }

  expect(total / 1024, `gzipped kB of ${sources.length} scripts`).toBeLessThan(150);
});
