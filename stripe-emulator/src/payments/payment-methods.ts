import { StripeApiError, docUrl, invalidRequest, resourceMissing } from "../errors.js";
import {
  emptyBillingDetails,
  newCardPaymentMethod,
  type BillingDetails,
  type PaymentMethod,
} from "../objects/payment-method.js";
import type { Params } from "../form.js";
import type { EmulatorState } from "../state.js";
import { expectedLength, passesLuhn, testCardByPaymentMethodId } from "../test-cards.js";

export interface CardInput {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string | undefined;
}

function cardError(code: string, message: string, param: string): StripeApiError {
  return new StripeApiError(402, {
    type: "card_error",
    code,
    doc_url: docUrl(code),
    message,
    param,
  });
}

/** The checks Stripe makes when card details arrive, with its codes and wording. */
export function validateCard(card: CardInput, now = new Date()): void {
  const digits = card.number;
  if (!/^\d+$/.test(digits) || digits.length < expectedLength(digits)) {
    throw cardError("invalid_number", "Your card number is incomplete.", "card[number]");
  }
  if (digits.length > expectedLength(digits) || !passesLuhn(digits)) {
    throw cardError("incorrect_number", "Your card number is incorrect.", "card[number]");
  }
  if (!(card.expMonth >= 1 && card.expMonth <= 12)) {
    throw cardError(
      "invalid_expiry_month",
      "Your card's expiration month is invalid.",
      "card[exp_month]",
    );
  }

  const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  if (year * 12 + card.expMonth < thisMonth) {
    throw cardError(
      "expired_card",
      "Your card's expiration date is in the past.",
      "card[exp_year]",
    );
  }
  if (card.cvc !== undefined && !/^\d{3,4}$/.test(card.cvc)) {
    throw cardError("invalid_cvc", "Your card's security code is invalid.", "card[cvc]");
  }
}

export function billingDetailsFrom(params: Params | undefined): BillingDetails {
  const details = emptyBillingDetails();
  if (!params) return details;

  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  details.email = text(params.email);
  details.name = text(params.name);
  details.phone = text(params.phone);
  const address = params.address;
  if (address && typeof address === "object" && !Array.isArray(address)) {
    for (const key of Object.keys(details.address) as (keyof typeof details.address)[]) {
      details.address[key] = text(address[key]);
    }
  }
  return details;
}

export function createCardPaymentMethod(
  state: EmulatorState,
  card: CardInput,
  billingDetails: BillingDetails,
  metadata: Record<string, string>,
  id?: string,
): PaymentMethod {
  validateCard(card);
  const method = newCardPaymentMethod(
    {
      number: card.number,
      expMonth: card.expMonth,
      expYear: card.expYear < 100 ? 2000 + card.expYear : card.expYear,
      cvcProvided: card.cvc !== undefined,
      billingDetails,
      metadata,
    },
    id,
  );
  state.paymentMethods.set(method.id, method);
  state.cardNumbers.set(method.id, card.number);
  return method;
}

/**
 * Finds a PaymentMethod by id. Stripe's predefined ids (`pm_card_visa`…) mint a fresh
 * PaymentMethod for that test card each time they are used, as Stripe does.
 */
export function resolvePaymentMethod(
  state: EmulatorState,
  id: string,
  param = "payment_method",
): PaymentMethod {
  const stored = state.paymentMethods.get(id);
  if (stored) return stored;

  const testCard = testCardByPaymentMethodId(id);
  if (!testCard) throw resourceMissing("payment_method", id, param);

  const nextYear = new Date().getUTCFullYear() + 1;
  const card = { number: testCard.number, expMonth: 12, expYear: nextYear, cvc: "123" };
  return createCardPaymentMethod(state, card, emptyBillingDetails(), {});
}

export function requireCardNumber(state: EmulatorState, method: PaymentMethod): string {
  const number = state.cardNumbers.get(method.id);
  if (!number) throw invalidRequest(`PaymentMethod ${method.id} has no card details.`);
  return number;
}
