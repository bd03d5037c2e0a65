"use client";

import type { Stripe } from "@stripe/stripe-js";
import { useEffect, useState } from "react";

import { formatMoney, type Money } from "@/lib/money/currency";

import { confirmationPath, PaymentApiError, prepareIntent, type IntentAnswer } from "./payment-api";
import type { PaymentElements } from "./payment-elements";
import styles from "./payment-step.module.css";
import { stripeInstance } from "./stripe-loader";

interface Props {
  cartId: string;
  cartVersion: number;
  /** The cart's total as the page was rendered; the intent's own amount replaces it. */
  total: Money;
  /** Stripe sent the shopper back here from a redirect-based payment that did not succeed. */
  returnedUnpaid: boolean;
}

type Problem = { message: string; retry: (() => void) | null };

const STRIPE_UNAVAILABLE =
  "The payment form could not be loaded. Check your connection and try again; " +
  "you have not been charged.";
const UNEXPECTED = "Something went wrong while preparing your payment. Please try again.";
const UNPAID = "Your payment was not completed. Please try again or use another card.";

/** Stripe.js and the code that shows its Payment Element, loaded together. */
interface Kit {
  stripe: Stripe;
  PaymentElements: typeof PaymentElements;
}

function loadKit(): Promise<Kit> {
  return Promise.all([stripeInstance(), import("./payment-elements")]).then(([stripe, module]) => ({
    stripe,
    PaymentElements: module.PaymentElements,
  }));
}

/** Loads Stripe.js and the cart's PaymentIntent, then shows the Payment Element. */
export function PaymentStep({ cartId, cartVersion, total, returnedUnpaid }: Props) {
  const [kit, setKit] = useState<Kit | null>(null);
  const [stripeFailed, setStripeFailed] = useState(false);
  const [stripeAttempt, setStripeAttempt] = useState(0);
  const [intent, setIntent] = useState<IntentAnswer | null>(null);
  const [intentProblem, setIntentProblem] = useState<Problem | null>(null);
  const [intentAttempt, setIntentAttempt] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    loadKit().then(
      (loaded) => current && setKit(loaded),
      () => current && setStripeFailed(true),
    );
    return () => {
      current = false;
    };
  }, [stripeAttempt]);

  useEffect(() => {
    let current = true;
    prepareIntent(cartId, cartVersion).then(
      (answer) => current && setIntent(answer),
      (error: unknown) => {
        if (!current) return;

        const paidOrder = alreadyPaidOrder(error);
        if (paidOrder) return window.location.replace(paidOrder);
        setIntentProblem(problemOf(error, () => setIntentAttempt((count) => count + 1)));
      },
    );
    return () => {
      current = false;
    };
  }, [cartId, cartVersion, intentAttempt]);

  // After a redirect the reason is on the intent itself, in Stripe's own words.
  useEffect(() => {
    if (!returnedUnpaid || !kit || !intent) return;

    kit.stripe.retrievePaymentIntent(intent.clientSecret).then(
      ({ paymentIntent }) => setNotice(paymentIntent?.last_payment_error?.message ?? UNPAID),
      () => setNotice(UNPAID),
    );
  }, [returnedUnpaid, kit, intent]);

  const amount = formatMoney(intent ? { amount: intent.amount, currency: intent.currency } : total);

  if (stripeFailed) {
    return (
      <Trouble
        message={STRIPE_UNAVAILABLE}
        retry={() => {
          setStripeFailed(false);
          setStripeAttempt((count) => count + 1);
        }}
      />
    );
  }
  if (intentProblem) return <Trouble {...intentProblem} />;
  if (!kit || !intent) {
    return (
      <div className={styles.loading} aria-busy="true">
        <p role="status">Loading the secure payment form…</p>
        <button type="button" className={`button ${styles.pay}`} disabled>
          Pay {amount}
        </button>
      </div>
    );
  }

  return (
    <kit.PaymentElements
      stripe={kit.stripe}
      clientSecret={intent.clientSecret}
      cartId={cartId}
      amount={amount}
      notice={notice}
    />
  );
}

function Trouble({ message, retry }: Problem) {
  return (
    <div className={styles.trouble}>
      <p role="alert">{message}</p>
      {retry && (
        <button type="button" className="button button-secondary" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

function alreadyPaidOrder(error: unknown): string | null {
  if (!(error instanceof PaymentApiError) || error.code !== "already_paid") return null;

  return confirmationPath(error.details.orderId);
}

function problemOf(error: unknown, retry: () => void): Problem {
  if (!(error instanceof PaymentApiError)) return { message: UNEXPECTED, retry };
  // A payment in progress or an incomplete cart will not change by asking again at once.
  if (error.code === "payment_processing" || error.status === 422 || error.status === 404) {
    return { message: error.message, retry: null };
  }

  return { message: error.message, retry };
}
