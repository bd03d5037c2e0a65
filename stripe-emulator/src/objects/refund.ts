import { newId, nowSeconds } from "../ids.js";

export interface Refund {
  id: string;
  object: "refund";
  amount: number;
  balance_transaction: string | null;
  charge: string;
  created: number;
  currency: string;
  destination_details: { card: Record<string, unknown>; type: "card" };
  metadata: Record<string, string>;
  payment_intent: string | null;
  reason: string | null;
  receipt_number: string | null;
  source_transfer_reversal: null;
  status: "succeeded";
  transfer_reversal: null;
  customer: string | null;
  customer_account: null;
  payment_method: string | null;
}

export interface NewRefund {
  amount: number;
  chargeId: string;
  currency: string;
  paymentIntentId: string | null;
  paymentMethodId: string | null;
  reason: string | null;
  metadata: Record<string, string>;
}

/** Card refunds in test mode succeed at once, so the emulator's are born `succeeded`. */
export function newRefund(input: NewRefund): Refund {
  return {
    id: newId("re"),
    object: "refund",
    amount: input.amount,
    balance_transaction: newId("txn"),
    charge: input.chargeId,
    created: nowSeconds(),
    currency: input.currency,
    destination_details: {
      card: {
        reference_status: "pending",
        reference_type: "acquirer_reference_number",
        type: "refund",
      },
      type: "card",
    },
    metadata: input.metadata,
    payment_intent: input.paymentIntentId,
    reason: input.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
    customer: null,
    customer_account: null,
    payment_method: input.paymentMethodId,
  };
}
