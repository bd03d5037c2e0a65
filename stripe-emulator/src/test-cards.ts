import { createHash } from "node:crypto";

/** What confirming a PaymentIntent with a card does. */
export type CardOutcome =
  | { kind: "succeed" }
  | { kind: "decline"; code: string; declineCode: string; message: string }
  | { kind: "authenticate" }
  | { kind: "processing" };

export interface TestCard {
  number: string;
  paymentMethodId: string | null;
  outcome: CardOutcome;
}

const GENERIC_DECLINE: CardOutcome = {
  kind: "decline",
  code: "card_declined",
  declineCode: "generic_decline",
  message: "Your card was declined.",
};

/** Emulator-only: not a Stripe test number; stays `processing` for `processingDelayMs`. */
export const EMULATOR_PROCESSING_CARD = "4000111122223339";
export const EMULATOR_PROCESSING_PAYMENT_METHOD = "pm_card_emulatorProcessing";

export const TEST_CARDS: readonly TestCard[] = [
  { number: "4242424242424242", paymentMethodId: "pm_card_visa", outcome: { kind: "succeed" } },
  {
    number: "5555555555554444",
    paymentMethodId: "pm_card_mastercard",
    outcome: { kind: "succeed" },
  },
  {
    number: "4000000000000002",
    paymentMethodId: "pm_card_chargeDeclined",
    outcome: GENERIC_DECLINE,
  },
  {
    number: "4000000000009995",
    paymentMethodId: "pm_card_chargeDeclinedInsufficientFunds",
    outcome: {
      kind: "decline",
      code: "card_declined",
      declineCode: "insufficient_funds",
      message: "Your card has insufficient funds.",
    },
  },
  {
    number: "4000000000000069",
    paymentMethodId: "pm_card_chargeDeclinedExpiredCard",
    outcome: {
      kind: "decline",
      code: "expired_card",
      declineCode: "expired_card",
      message: "Your card has expired.",
    },
  },
  {
    number: "4000002500003155",
    paymentMethodId: "pm_card_authenticationRequired",
    outcome: { kind: "authenticate" },
  },
  {
    number: EMULATOR_PROCESSING_CARD,
    paymentMethodId: EMULATOR_PROCESSING_PAYMENT_METHOD,
    outcome: { kind: "processing" },
  },
];

/** Any other valid number behaves like 4242, which is what Stripe does with unknown test cards. */
export function cardOutcome(number: string): CardOutcome {
  return TEST_CARDS.find((card) => card.number === number)?.outcome ?? { kind: "succeed" };
}

export function testCardByPaymentMethodId(id: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.paymentMethodId === id);
}

export function cardBrand(number: string): string {
  if (/^3[47]/.test(number)) return "amex";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
  if (/^4/.test(number)) return "visa";
  if (/^6(011|5)/.test(number)) return "discover";
  return "unknown";
}

export function expectedLength(number: string): number {
  return cardBrand(number) === "amex" ? 15 : 16;
}

export function passesLuhn(number: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = number.length - 1; i >= 0; i--) {
    let digit = Number(number[i]);
    if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

export function cardFingerprint(number: string): string {
  return createHash("sha256").update(number).digest("base64url").slice(0, 16);
}
