import Stripe from "stripe";

import { getConfig } from "@/lib/config/config";

const holder = globalThis as typeof globalThis & { checkoutStripe?: Stripe };

/**
 * The shop's Stripe client. With STRIPE_API_BASE (local emulator only) the same client is sent
 * to that host; nothing else in the payment code knows the difference.
 */
export function getStripe(): Stripe {
  const { secretKey, apiBase } = getConfig().stripe;
  holder.checkoutStripe ??= createStripe(secretKey, apiBase);
  return holder.checkoutStripe;
}

/** A Stripe client for `secretKey`, sent to `apiBase` instead of Stripe when one is given. */
export function createStripe(
  secretKey: string,
  apiBase: URL | null,
  options: { maxNetworkRetries?: number; timeout?: number } = {},
): Stripe {
  const target = apiBase
    ? {
        host: apiBase.hostname,
        port: Number(apiBase.port || (apiBase.protocol === "https:" ? 443 : 80)),
        protocol: apiBase.protocol.replace(":", "") as "http" | "https",
      }
    : {};

  return new Stripe(secretKey, {
    ...target,
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...options,
    appInfo: { name: "checkout" },
  });
}

/** Test files point the app at an emulator of their own; this forgets the previous client. */
export function resetStripeForTests(): void {
  holder.checkoutStripe = undefined;
}
