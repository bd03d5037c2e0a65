// Every setting of the shop, validated once. A wrong value stops the server with one line that
// names the variable; values themselves never appear in messages, as some are secrets.
import { z } from "zod";

import { isIsoCurrency } from "@/lib/money/currency";

export type StripeMode = "test" | "live";

export interface Config {
  databaseUrl: string;
  stripe: {
    secretKey: string;
    webhookSecret: string;
    publicKey: string;
    mode: StripeMode;
    /** Lower-case ISO 4217 code of every price in the catalog. */
    currency: string;
    /** Set only for the local emulator: where stripe-node and Stripe.js are sent instead. */
    apiBase: URL | null;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = "ConfigError";
  }
}

const KEY_MODE = /^(?:sk|rk|pk)_(test|live)_/;

const schema = {
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgresql:// URL"),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$/, "must look like sk_test_…, sk_live_… or rk_…"),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_[A-Za-z0-9+/=_-]{8,}$/, "must look like whsec_…"),
  STRIPE_PUBLIC_KEY: z
    .string()
    .regex(/^pk_(test|live)_[A-Za-z0-9_]{8,}$/, "must look like pk_test_… or pk_live_…"),
  STRIPE_MODE: z.enum(["test", "live"], { error: "must be test or live" }),
  STRIPE_CURRENCY: z
    .string()
    .refine(isIsoCurrency, "must be an ISO 4217 currency code such as eur")
    .transform((code) => code.toLowerCase()),
  STRIPE_API_BASE: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:12111" })
    .optional(),
} as const;

type Env = Record<string, string | undefined>;

function read<K extends keyof typeof schema>(env: Env, name: K): z.output<(typeof schema)[K]> {
  const raw = env[name]?.trim() || undefined;
  const parsed = schema[name].safeParse(raw);
  if (parsed.success) return parsed.data as z.output<(typeof schema)[K]>;

  throw new ConfigError(name, raw === undefined ? "is not set" : parsed.error.issues[0]!.message);
}

function modeOf(key: string): StripeMode {
  return KEY_MODE.exec(key)![1] as StripeMode;
}

export function parseConfig(env: Env): Config {
  const databaseUrl = read(env, "DATABASE_URL");
  const secretKey = read(env, "STRIPE_SECRET_KEY");
  const webhookSecret = read(env, "STRIPE_WEBHOOK_SECRET");
  const publicKey = read(env, "STRIPE_PUBLIC_KEY");
  const mode = read(env, "STRIPE_MODE");
  const currency = read(env, "STRIPE_CURRENCY");
  const apiBase = read(env, "STRIPE_API_BASE");

  if (modeOf(secretKey) !== mode) {
    throw new ConfigError(
      "STRIPE_SECRET_KEY",
      `is a ${modeOf(secretKey)} key but STRIPE_MODE is ${mode}`,
    );
  }
  if (modeOf(publicKey) !== mode) {
    throw new ConfigError(
      "STRIPE_PUBLIC_KEY",
      `is a ${modeOf(publicKey)} key but STRIPE_MODE is ${mode}`,
    );
  }
  if (apiBase && mode === "live") {
    throw new ConfigError("STRIPE_API_BASE", "points at an emulator, which live mode never uses");
  }

  return {
    databaseUrl,
    stripe: {
      secretKey,
      webhookSecret,
      publicKey,
      mode,
      currency,
      apiBase: apiBase ? new URL(apiBase) : null,
    },
  };
}

let cached: Config | undefined;

/** The process's configuration, parsed from the environment on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Test files change the environment between runs; the next getConfig() reads it again. */
export function resetConfigForTests(): void {
  cached = undefined;
}

/** Which settings are present and well-formed, never their values: for health and doctor. */
export function describeConfig(
  env: Env = process.env,
): Record<string, "ok" | "missing" | "invalid"> {
  const report: Record<string, "ok" | "missing" | "invalid"> = {};
  for (const name of Object.keys(schema) as (keyof typeof schema)[]) {
    const raw = env[name]?.trim();
    if (!raw) report[name] = name === "STRIPE_API_BASE" ? "ok" : "missing";
    else report[name] = schema[name].safeParse(raw).success ? "ok" : "invalid";
  }
  return report;
}
