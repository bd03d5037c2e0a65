import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, newNonce, originOf } from "./csp";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((entry) => entry.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

describe("contentSecurityPolicy", () => {
  it("allows our origin, the request's nonce and exactly the hosts Stripe.js needs", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==" });

    expect(directive(policy, "script-src")).toEqual([
      "'self'",
      "'nonce-abc123=='",
      "https://js.stripe.com",
    ]);
    expect(directive(policy, "frame-src")).toEqual([
      "https://js.stripe.com",
      "https://hooks.stripe.com",
    ]);
    expect(directive(policy, "connect-src")).toEqual(["'self'", "https://api.stripe.com"]);
    expect(directive(policy, "default-src")).toEqual(["'self'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(policy).not.toContain("unsafe-eval");
  });

  it("adds only the emulator's origin in local mode, for its script and its API", () => {
    const local = contentSecurityPolicy({
      nonce: "n",
      emulatorOrigin: "http://127.0.0.1:12111",
    });
    const remote = contentSecurityPolicy({ nonce: "n" });

    const emulator = "http://127.0.0.1:12111";

    for (const name of ["script-src", "connect-src"]) {
      expect(directive(local, name)).toEqual([...directive(remote, name)!, emulator]);
    }
    expect(local.replaceAll(` ${emulator}`, "")).toBe(remote);
  });

  it("lets the development server use eval, and only it", () => {
    expect(directive(contentSecurityPolicy({ nonce: "n", dev: true }), "script-src")).toContain(
      "'unsafe-eval'",
    );
  });
});

describe("originOf", () => {
  it("reduces an http(s) URL to its origin and refuses anything else", () => {
    expect(originOf("http://127.0.0.1:12111/v1")).toBe("http://127.0.0.1:12111");
    expect(originOf(undefined)).toBeNull();
    expect(originOf("not a url")).toBeNull();
    expect(originOf("javascript:alert(1)")).toBeNull();
  });
});

describe("newNonce", () => {
  it("is fresh base64 of 128 bits every time", () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));

    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
