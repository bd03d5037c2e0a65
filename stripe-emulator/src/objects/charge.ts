import { randomUUID } from "node:crypto";

import { newId, nowSeconds } from "../ids.js";
import type { PaymentIntent } from "./payment-intent.js";
import type { BillingDetails, PaymentMethod } from "./payment-method.js";
import type { Refund } from "./refund.js";

export type ChargeStatus = "succeeded" | "pending" | "failed";

export interface ChargeOutcome {
  advice_code: string | null;
  network_advice_code: string | null;
  network_decline_code: string | null;
  network_status: string;
  reason: string | null;
  risk_level: string;
  seller_message: string;
  type: string;
}

export interface Charge {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  application: null;
  application_fee: null;
  application_fee_amount: null;
  balance_transaction: string | null;
  billing_details: BillingDetails;
  calculated_statement_descriptor: string | null;
  captured: boolean;
  created: number;
  currency: string;
  customer: string | null;
  description: string | null;
  disputed: boolean;
  failure_balance_transaction: null;
  failure_code: string | null;
  failure_message: string | null;
  fraud_details: Record<string, never>;
  livemode: false;
  metadata: Record<string, string>;
  on_behalf_of: null;
  outcome: ChargeOutcome;
  paid: boolean;
  payment_intent: string | Record<string, unknown> | null;
  payment_method: string;
  payment_method_details: { card: Record<string, unknown>; type: "card" };
  receipt_email: string | null;
  receipt_number: string | null;
  receipt_url: string;
  refunded: boolean;
  refunds: { object: "list"; data: Refund[]; has_more: boolean; url: string };
  review: null;
  shipping: Record<string, unknown> | null;
  source: null;
  source_transfer: null;
  statement_descriptor: string | null;
  statement_descriptor_suffix: string | null;
  status: ChargeStatus;
  transfer_data: null;
  transfer_group: string | null;
}

export interface ChargeFailure {
  code: string;
  declineCode: string;
  message: string;
}

const APPROVED: ChargeOutcome = {
  advice_code: null,
  network_advice_code: null,
  network_decline_code: null,
  network_status: "approved_by_network",
  reason: null,
  risk_level: "normal",
  seller_message: "Payment complete.",
  type: "authorized",
};

function declinedOutcome(failure: ChargeFailure): ChargeOutcome {
  return {
    ...APPROVED,
    network_status: "declined_by_network",
    reason: failure.declineCode,
    seller_message: "The bank did not return any further details with this decline.",
    type: "issuer_declined",
  };
}

/** A Charge made by confirming `intent` with `method`; status follows the card's outcome. */
export function newCharge(
  intent: PaymentIntent,
  method: PaymentMethod,
  status: ChargeStatus,
  failure: ChargeFailure | null,
  threeDSecure: boolean,
): Charge {
  const id = newId("ch");
  const succeeded = status === "succeeded";
  return {
    id,
    object: "charge",
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: succeeded ? newId("txn") : null,
    billing_details: structuredClone(method.billing_details),
    calculated_statement_descriptor: "STRIPE EMULATOR",
    captured: succeeded,
    created: nowSeconds(),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.code ?? null,
    failure_message: failure?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: { ...intent.metadata },
    on_behalf_of: null,
    outcome: failure ? declinedOutcome(failure) : APPROVED,
    paid: succeeded,
    payment_intent: intent.id,
    payment_method: method.id,
    payment_method_details: { card: cardDetails(intent, method, threeDSecure), type: "card" },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: `https://pay.stripe.com/receipts/emulator/${id}`,
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    shipping: intent.shipping,
    source: null,
    source_transfer: null,
    statement_descriptor: intent.statement_descriptor,
    statement_descriptor_suffix: intent.statement_descriptor_suffix,
    status,
    transfer_data: null,
    transfer_group: intent.transfer_group,
  };
}

function cardDetails(intent: PaymentIntent, method: PaymentMethod, threeDSecure: boolean) {
  const card = method.card;
  return {
    amount_authorized: intent.amount,
    authorization_code: null,
    brand: card.brand,
    checks: { ...card.checks },
    country: card.country,
    exp_month: card.exp_month,
    exp_year: card.exp_year,
    extended_authorization: { status: "disabled" },
    fingerprint: card.fingerprint,
    funding: card.funding,
    incremental_authorization: { status: "unavailable" },
    installments: null,
    last4: card.last4,
    mandate: null,
    multicapture: { status: "unavailable" },
    network: card.brand,
    network_token: { used: false },
    network_transaction_id: null,
    overcapture: { maximum_amount_capturable: intent.amount, status: "unavailable" },
    regulated_status: card.regulated_status,
    three_d_secure: threeDSecure ? threeDSecureDetails() : null,
    transaction_link_id: null,
    wallet: null,
  };
}

function threeDSecureDetails() {
  return {
    authentication_flow: "challenge",
    electronic_commerce_indicator: "05",
    exemption_indicator: null,
    result: "authenticated",
    result_reason: null,
    transaction_id: randomUUID(),
    version: "2.2.0",
  };
}
