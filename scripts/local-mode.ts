// The zero-setup local shop's addresses and keys, shared by `npm start` and `npm run ops`, so
// an on-call rehearsal against a local shop needs no settings either.
import path from "node:path";

import {
  EMULATOR_PUBLIC_KEY,
  EMULATOR_SECRET_KEY,
  EMULATOR_WEBHOOK_SECRET,
} from "../stripe-emulator/src/index";

export const LOCAL = {
  databasePort: Number(process.env.EMBEDDED_PG_PORT ?? 54320),
  databaseName: "checkout",
  emulatorPort: Number(process.env.STRIPE_EMULATOR_PORT ?? 12111),
  dataDir: (root: string) => process.env.CHECKOUT_DATA_DIR || path.join(root, ".data", "postgres"),
};

export const STRIPE_KEY_VARIABLES = [
  "STRIPE_SECRET_KEY",
  "STRIPE_PUBLIC_KEY",
  "STRIPE_WEBHOOK_SECRET",
] as const;

/** True when no Stripe key is set at all: the shop runs against the local emulator. */
export function usesEmulator(env: NodeJS.ProcessEnv = process.env): boolean {
  return !STRIPE_KEY_VARIABLES.some((name) => env[name]);
}

/** The settings that point the app at the emulator at `url`. */
export function emulatorSettings(url: string, webhookSecret = EMULATOR_WEBHOOK_SECRET) {
  return {
    STRIPE_SECRET_KEY: EMULATOR_SECRET_KEY,
    STRIPE_PUBLIC_KEY: EMULATOR_PUBLIC_KEY,
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_MODE: "test",
    STRIPE_API_BASE: url,
    STRIPE_CURRENCY: process.env.STRIPE_CURRENCY || "eur",
  };
}

export function localDatabaseUrl(): string {
  return `postgresql://postgres:postgres@127.0.0.1:${LOCAL.databasePort}/${LOCAL.databaseName}`;
}
