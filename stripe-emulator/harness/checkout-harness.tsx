// A minimal checkout page for the emulator's browser test: the same calls the app makes
// (Elements with a client secret, a Payment Element, confirmPayment with redirect if_required).
import { useState, type FormEvent } from "react";
import { createRoot } from "react-dom/client";
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe } from "@stripe/stripe-js";

const query = new URLSearchParams(window.location.search);
const publishableKey = query.get("pk") ?? "";
const clientSecret = query.get("clientSecret") ?? "";
const stripePromise = loadStripe(publishableKey);

function PayForm() {
  const stripe = useStripe();
  const elements = useElements();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function pay(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;

    setBusy(true);
    const result = await stripe.confirmPayment({
      elements,
      redirect: "if_required",
      confirmParams: { return_url: `${window.location.origin}/done` },
    });
    setBusy(false);
    if (result.error) setOutcome({ ok: false, text: result.error.message ?? "Payment failed." });
    else setOutcome({ ok: true, text: `Payment ${result.paymentIntent.status}` });
  }

  return (
    <form onSubmit={pay} style={{ maxWidth: 480, margin: "24px auto", padding: "0 12px" }}>
      <h1>Harness checkout</h1>
      <PaymentElement />
      <button type="submit" disabled={!stripe || busy} style={{ marginTop: 12 }}>
        Pay
      </button>
      {outcome && <p role={outcome.ok ? "status" : "alert"}>{outcome.text}</p>}
    </form>
  );
}

createRoot(document.getElementById("root") as HTMLElement).render(
  <Elements stripe={stripePromise} options={{ clientSecret }}>
    <PayForm />
  </Elements>,
);
