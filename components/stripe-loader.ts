// Stripe.js for the browser, loaded once with the publishable key of the run-time settings
// (`/assets/env.js`), so one build pays against the emulator, Stripe test mode or live mode.
import type { Stripe } from "@stripe/stripe-js";

import type { ClientSettings } from "@/lib/config/client-settings";

declare global {
  interface Window {
    /** Written by `/assets/env.js`, a blocking script in the root layout's head. */
    __CHECKOUT_ENV__?: Readonly<ClientSettings>;
  }
}

export class StripeLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StripeLoadError";
  }
}

let loading: Promise<Stripe> | null = null;

/** The page's one Stripe instance; after a failure the next call tries again. */
export function stripeInstance(): Promise<Stripe> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<Stripe> {
  const settings = window.__CHECKOUT_ENV__;
  if (!settings?.STRIPE_PUBLIC_KEY) {
    throw new StripeLoadError("The payment settings (/assets/env.js) are missing.");
  }

  // Local mode: the emulator's stand-in defines window.Stripe, and loadStripe then uses it
  // instead of fetching https://js.stripe.com.
  if (settings.STRIPE_JS_URL && !window.Stripe) await addScript(settings.STRIPE_JS_URL);

  // The `pure` entry fetches Stripe.js only when asked, and this import only once it is.
  const { loadStripe } = await import("@stripe/stripe-js/pure");
  const stripe = await loadStripe(settings.STRIPE_PUBLIC_KEY);
  if (!stripe) throw new StripeLoadError("Stripe.js did not start.");

  return stripe;
}

function addScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => {
      // Removed so that the next attempt adds a fresh tag that the browser fetches again.
      script.remove();
      reject(new StripeLoadError(`Could not load ${src}.`));
    });
    document.head.appendChild(script);
  });
}
