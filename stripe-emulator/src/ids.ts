import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let token = "";
  for (const byte of bytes) token += ALPHABET[byte % ALPHABET.length];
  return token;
}

/** An id shaped like Stripe's: prefix, underscore, 24 alphanumerics (`pi_3Pg…`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`;
}

export function newClientSecret(paymentIntentId: string): string {
  return `${paymentIntentId}_secret_${randomToken(25)}`;
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
