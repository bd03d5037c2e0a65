import Stripe from "stripe";

import { getConfig } from "@/lib/config/config";

const holder = globalThis as typeof globalThis & { checkoutStripe?: Stripe };

/**
 * The shop's Stripe client. With STRIPE_API_BASE (local emulator only) the same client is sent
 * to that host; nothing else in the payment code knows the difference.
 */
export function getStripe(): Stripe {
  holder.checkoutStripe ??= createStripe();
  return holder.checkoutStripe;
}

function createStripe(): Stripe {
  const { secretKey, apiBase } = getConfig().stripe;
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
    appInfo: { name: "checkout" },
  });
}

/** Test files point the app at an emulator of their own; this forgets the previous client. */
export function resetStripeForTests(): void {
  holder.checkoutStripe = undefined;
}
