// `finalize`: runbook case 2 by hand, through the finalize endpoint's own use case.
import { finalizePayment } from "@/lib/payments/finalize-payment";

import { requiredString, UsageError, type Command } from "../command";
import { EXIT } from "../exit-codes";

export const finalizeCommand: Command = {
  name: "finalize",
  summary: "record the order of a paid cart, exactly as POST /api/payments/{cartId}/finalize",
  args: "--cart <cartId> --payment-intent <pi_…>",
  description: [
    "Runbook case 2 (paid on Stripe, order missing). Asks Stripe for the PaymentIntent, checks it",
    "belongs to the cart and matches its amount, then records the order and deletes the cart",
    "through the one fulfilment path shared with the webhook. Safe to repeat.",
    "",
    "Exit codes: 0 order Paid or Processing, 1 refused (declined, canceled, not paid yet,",
    "mismatch), 3 Stripe does not know the intent, 4 Stripe or the database unreachable.",
  ].join("\n"),
  options: {
    cart: { type: "string", value: "<cartId>", description: "the cart the intent was made for" },
    "payment-intent": { type: "string", value: "<pi_…>", description: "the PaymentIntent id" },
  },
  positionals: { min: 0, max: 0 },

  async run(input) {
    const cartId = requiredString(input, "cart");
    const paymentIntentId = requiredString(input, "payment-intent");
    if (!paymentIntentId.startsWith("pi_")) {
      throw new UsageError("--payment-intent must be a PaymentIntent id (pi_…)");
    }

    const { services, out } = input;
    const answer = await finalizePayment(services.db(), services.stripe(), cartId, paymentIntentId);
    out.result({ ok: true, ...answer });
    out.line(`Order #${answer.orderNumber} ${answer.orderId} is ${answer.status}.`);
    if (answer.status === "Processing") {
      out.line("Stripe is still processing the payment; the webhook will make it Paid.");
    }
    return EXIT.ok;
  },
};
