"use client";

import { PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { PaymentIntent } from "@stripe/stripe-js";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { confirmationPath, finalizePayment, PaymentApiError } from "./payment-api";
import styles from "./payment-step.module.css";

interface Props {
  cartId: string;
  /** The amount to pay, formatted for the Pay button. */
  amount: string;
  /** A message to show from the start, e.g. why a redirect-based payment did not complete. */
  notice: string | null;
}

const UNEXPECTED = "Something went wrong with the payment. Please try again.";
const PAID_UNCONFIRMED =
  "Your payment was received, but we could not confirm your order yet. Please do not pay " +
  "again: try confirming once more.";

/** The Payment Element and the Pay button: confirm with Stripe.js, then finalize the order. */
export function PaymentForm({ cartId, amount, notice }: Props) {
  const stripe = useStripe();
  const elements = useElements();
  const [ready, setReady] = useState(false);
  const [paying, setPaying] = useState(false);
  // State updates only show on the next render; a second click in between must not pay twice.
  const inFlight = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const [noticeShown, setNoticeShown] = useState(true);
  // Stripe took the payment but our finalize call failed: retry only that, never pay twice.
  const [unconfirmed, setUnconfirmed] = useState<string | null>(null);
  // Bumped by every failure, so the message takes focus even when its text is the same.
  const [failures, setFailures] = useState(0);
  const alertRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (failures > 0) alertRef.current?.focus();
  }, [failures]);

  function settle() {
    inFlight.current = false;
    setPaying(false);
  }

  function fail(message: string) {
    setError(message);
    settle();
    setFailures((count) => count + 1);
  }

  async function placeOrder(paymentIntentId: string) {
    try {
      const order = await finalizePayment(cartId, paymentIntentId);
      // A full load: the header's cart count and the cart cookie's cart are gone now.
      window.location.replace(confirmationPath(order.orderId) ?? "/");
    } catch (caught) {
      // Declined after all (402): the shopper may pay again with the same intent.
      if (caught instanceof PaymentApiError && caught.status === 402) {
        setUnconfirmed(null);
        return fail(caught.message);
      }
      setUnconfirmed(paymentIntentId);
      fail(PAID_UNCONFIRMED);
    }
  }

  async function pay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;

    inFlight.current = true;
    setPaying(true);
    setError(null);
    setNoticeShown(false);

    if (unconfirmed) return placeOrder(unconfirmed);
    if (!stripe || !elements) return fail(UNEXPECTED);

    const { error: stripeError, paymentIntent } = await stripe.confirmPayment({
      elements,
      redirect: "if_required",
      confirmParams: { return_url: `${window.location.origin}/checkout/payment/return` },
    });
    // An incomplete card field: the Payment Element marks it and moves focus there itself.
    if (stripeError?.type === "validation_error") return settle();
    // Declines and failed 3-D Secure: Stripe's message says what to do next.
    if (stripeError) return fail(stripeError.message ?? UNEXPECTED);
    if (!isSettled(paymentIntent)) return fail(UNEXPECTED);

    await placeOrder(paymentIntent.id);
  }

  const canPay = Boolean(stripe && elements && ready && !paying);
  const message = error ?? (noticeShown ? notice : null);

  return (
    <form className={styles.form} onSubmit={pay} aria-busy={paying}>
      <div className={styles.element}>
        <PaymentElement options={{ layout: "tabs" }} onReady={() => setReady(true)} />
      </div>
      {message && (
        <p ref={alertRef} role="alert" tabIndex={-1} className={styles.alert}>
          {message}
        </p>
      )}
      <button
        type="submit"
        className={`button ${styles.pay}`}
        disabled={!canPay}
        aria-describedby="pay-hint"
      >
        {paying ? "Paying…" : unconfirmed ? "Confirm my order" : `Pay ${amount}`}
      </button>
      <p id="pay-hint" className={styles.hint}>
        {ready
          ? "Your card details go straight to Stripe; the shop never sees them."
          : "Loading the payment form…"}
      </p>
    </form>
  );
}

function isSettled(intent: PaymentIntent | undefined): intent is PaymentIntent {
  return intent?.status === "succeeded" || intent?.status === "processing";
}
