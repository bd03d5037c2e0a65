import { getConfig } from "./config";

/** What the browser may know, served at run time so one build runs in test and in live. */
export interface ClientSettings {
  STRIPE_PUBLIC_KEY: string;
  STRIPE_MODE: "test" | "live";
  /** Set only with the local emulator: where its Stripe.js stand-in is served. */
  STRIPE_JS_URL: string | null;
}

export function clientSettings(): ClientSettings {
  const { stripe } = getConfig();

  return {
    STRIPE_PUBLIC_KEY: stripe.publicKey,
    STRIPE_MODE: stripe.mode,
    STRIPE_JS_URL: stripe.apiBase ? new URL("/v3/stripe.js", stripe.apiBase).toString() : null,
  };
}
