"use client";

// Everything of the Payment step that needs @stripe/react-stripe-js. The step loads this module
// together with Stripe.js, after the page is interactive, which keeps it out of the page's
// first-load JavaScript.
import { Elements } from "@stripe/react-stripe-js";
import type { Stripe } from "@stripe/stripe-js";

import { PaymentForm } from "./payment-form";

interface Props {
  stripe: Stripe;
  clientSecret: string;
  cartId: string;
  /** The amount to pay, formatted for the Pay button. */
  amount: string;
  notice: string | null;
}

// Stripe's Payment Element in the shop's colours; the emulator's stand-in ignores it.
const APPEARANCE = {
  theme: "stripe" as const,
  variables: {
    colorPrimary: "#8a4320",
    colorText: "#2a201a",
    colorDanger: "#b3261e",
    borderRadius: "8px",
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  },
};

/** `<Elements>` for the cart's PaymentIntent, around the Payment Element and the Pay button. */
export function PaymentElements({ stripe, clientSecret, cartId, amount, notice }: Props) {
  return (
    // A new client secret is a new intent: Elements cannot switch, so it starts afresh.
    <Elements key={clientSecret} stripe={stripe} options={{ clientSecret, appearance: APPEARANCE }}>
      <PaymentForm cartId={cartId} amount={amount} notice={notice} />
    </Elements>
  );
}
