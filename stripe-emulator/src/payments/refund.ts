import { invalidRequest } from "../errors.js";
import type { Charge } from "../objects/charge.js";
import type { EventCause } from "../objects/event.js";
import { newRefund, type Refund } from "../objects/refund.js";
import type { EmulatorState } from "../state.js";

export interface RefundRequest {
  charge: Charge;
  amount: number | undefined;
  reason: string | null;
  metadata: Record<string, string>;
}

function formatAmount(amount: number, currency: string): string {
  return `${(amount / 100).toFixed(2)} ${currency}`;
}

/** Refunds part or all of what is left on a succeeded charge, the way Stripe checks it. */
export function refundCharge(
  state: EmulatorState,
  request: RefundRequest,
  cause: EventCause,
): Refund {
  const { charge } = request;
  if (charge.status !== "succeeded") {
    throw invalidRequest(`Charge ${charge.id} has not succeeded and cannot be refunded.`, {
      code: "charge_not_refundable",
    });
  }

  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: "charge_already_refunded",
    });
  }

  const amount = request.amount ?? remaining;
  if (amount < 1) {
    throw invalidRequest("Refund amount must be positive.", { param: "amount" });
  }
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded ` +
        `amount on charge (${formatAmount(remaining, charge.currency)})`,
      { code: "amount_too_large", param: "amount" },
    );
  }

  const refund = newRefund({
    amount,
    chargeId: charge.id,
    currency: charge.currency,
    paymentIntentId: typeof charge.payment_intent === "string" ? charge.payment_intent : null,
    paymentMethodId: charge.payment_method,
    reason: request.reason,
    metadata: request.metadata,
  });
  state.refunds.set(refund.id, refund);

  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  charge.refunds.data.unshift(refund);
  state.emit("refund.created", refund, cause);
  state.emit("charge.refunded", charge, cause);
  return refund;
}
