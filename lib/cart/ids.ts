import { randomBytes } from "node:crypto";

/** 128 bits of randomness: the cart id is the only thing that grants access to the cart. */
export function newOpaqueId(): string {
  return randomBytes(16).toString("base64url");
}

const OPAQUE_ID = /^[A-Za-z0-9_-]{22}$/;

export function isOpaqueId(value: string | undefined | null): value is string {
  return typeof value === "string" && OPAQUE_ID.test(value);
}
