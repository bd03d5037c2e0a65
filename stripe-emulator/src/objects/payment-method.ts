import { newId, nowSeconds } from "../ids.js";
import { cardBrand, cardFingerprint } from "../test-cards.js";

export interface BillingAddress {
  city: string | null;
  country: string | null;
  line1: string | null;
  line2: string | null;
  postal_code: string | null;
  state: string | null;
}

export interface BillingDetails {
  address: BillingAddress;
  email: string | null;
  name: string | null;
  phone: string | null;
  tax_id: string | null;
}

export interface PaymentMethodCard {
  brand: string;
  checks: {
    address_line1_check: string | null;
    address_postal_code_check: string | null;
    cvc_check: string | null;
  };
  country: string;
  display_brand: string;
  exp_month: number;
  exp_year: number;
  fingerprint: string;
  funding: string;
  generated_from: null;
  last4: string;
  networks: { available: string[]; preferred: string | null };
  three_d_secure_usage: { supported: boolean };
  wallet: null;
  regulated_status: string | null;
}

export interface PaymentMethod {
  id: string;
  object: "payment_method";
  allow_redisplay: string;
  billing_details: BillingDetails;
  card: PaymentMethodCard;
  created: number;
  customer: string | null;
  livemode: false;
  metadata: Record<string, string>;
  type: "card";
  customer_account: null;
}

export interface NewCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvcProvided: boolean;
  billingDetails: BillingDetails;
  metadata: Record<string, string>;
}

export function emptyBillingDetails(): BillingDetails {
  return {
    address: {
      city: null,
      country: null,
      line1: null,
      line2: null,
      postal_code: null,
      state: null,
    },
    email: null,
    name: null,
    phone: null,
    tax_id: null,
  };
}

/** A card PaymentMethod; `id` is given for Stripe's predefined ids like `pm_card_visa`. */
export function newCardPaymentMethod(card: NewCard, id = newId("pm")): PaymentMethod {
  const brand = cardBrand(card.number);
  return {
    id,
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: card.billingDetails,
    card: {
      brand,
      checks: {
        address_line1_check: null,
        address_postal_code_check: card.billingDetails.address.postal_code ? "pass" : null,
        cvc_check: card.cvcProvided ? "unchecked" : null,
      },
      country: "US",
      display_brand: brand,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      fingerprint: cardFingerprint(card.number),
      funding: "credit",
      generated_from: null,
      last4: card.number.slice(-4),
      networks: { available: [brand], preferred: null },
      three_d_secure_usage: { supported: true },
      wallet: null,
      regulated_status: "unregulated",
    },
    created: nowSeconds(),
    customer: null,
    livemode: false,
    metadata: card.metadata,
    type: "card",
    customer_account: null,
  };
}
