import { describe, expect, it } from "vitest";

import { ConfigError, describeConfig, parseConfig } from "./config";

const valid = {
  DATABASE_URL: "postgresql://shop:secret@db.internal:5432/shop",
  STRIPE_SECRET_KEY: "sk_test_51Habcdefghijklmnop",
  STRIPE_WEBHOOK_SECRET: "whsec_abcdefghijklmnop",
  STRIPE_PUBLIC_KEY: "pk_test_51Habcdefghijklmnop",
  STRIPE_MODE: "test",
  STRIPE_CURRENCY: "EUR",
};

function failure(env: Record<string, string | undefined>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("accepts a complete test configuration and normalises the currency", () => {
    const config = parseConfig(valid);

    expect(config.stripe.currency).toBe("eur");
    expect(config.stripe.mode).toBe("test");
    expect(config.stripe.apiBase).toBeNull();
  });

  it.each([
    ["STRIPE_SECRET_KEY", undefined, "is not set"],
    ["STRIPE_SECRET_KEY", "sk_prod_123456789", "must look like"],
    ["STRIPE_WEBHOOK_SECRET", "secret", "must look like whsec_"],
    ["STRIPE_PUBLIC_KEY", "sk_test_abcdefghijk", "must look like pk_"],
    ["STRIPE_MODE", "production", "must be test or live"],
    ["STRIPE_CURRENCY", "euro", "ISO 4217"],
    ["STRIPE_CURRENCY", "xyz", "ISO 4217"],
    ["DATABASE_URL", "mysql://localhost/shop", "postgresql://"],
    ["STRIPE_API_BASE", "ftp://localhost", "http(s) URL"],
  ])("names %s when it is %s", (variable, value, problem) => {
    const error = failure({ ...valid, [variable]: value });

    expect(error.variable).toBe(variable);
    expect(error.message).toContain(problem);
  });

  it("refuses a test secret key in live mode", () => {
    const error = failure({
      ...valid,
      STRIPE_MODE: "live",
      STRIPE_PUBLIC_KEY: "pk_live_abcdefghij",
    });

    expect(error.message).toBe("STRIPE_SECRET_KEY is a test key but STRIPE_MODE is live");
  });

  it("refuses a public key from the other mode", () => {
    const error = failure({ ...valid, STRIPE_PUBLIC_KEY: "pk_live_abcdefghij" });

    expect(error.variable).toBe("STRIPE_PUBLIC_KEY");
  });

  it("refuses the emulator in live mode", () => {
    const error = failure({
      ...valid,
      STRIPE_MODE: "live",
      STRIPE_SECRET_KEY: "sk_live_abcdefghijk",
      STRIPE_PUBLIC_KEY: "pk_live_abcdefghijk",
      STRIPE_API_BASE: "http://127.0.0.1:12111",
    });

    expect(error.variable).toBe("STRIPE_API_BASE");
  });

  it("never puts a secret value into its message", () => {
    const secret = "sk_live_verysecretvalue";
    const error = failure({ ...valid, STRIPE_SECRET_KEY: secret });

    expect(error.message).not.toContain(secret);
  });
});

describe("describeConfig", () => {
  it("reports presence and shape without values", () => {
    const report = describeConfig({
      ...valid,
      STRIPE_WEBHOOK_SECRET: "nope",
      STRIPE_MODE: undefined,
    });

    expect(report).toMatchObject({ STRIPE_WEBHOOK_SECRET: "invalid", STRIPE_MODE: "missing" });
    expect(JSON.stringify(report)).not.toContain("sk_test");
  });
});
