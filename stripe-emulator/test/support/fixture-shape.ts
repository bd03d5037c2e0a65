import { expect } from "vitest";

import fixtures from "./stripe-fixtures.json" with { type: "json" };

export type FixtureType = "payment_intent" | "charge" | "refund" | "event" | "payment_method";

/**
 * Fields Stripe documents as nullable although the fixture shows a value. Only these may be null
 * where the fixture is not; a `*` stands for every key of that object.
 */
const NULLABLE: Record<FixtureType, string[]> = {
  payment_intent: [
    "automatic_payment_methods",
    "canceled_at",
    "last_payment_error",
    "next_action",
    "payment_method_configuration_details",
    "processing",
    "shipping",
    "transfer_data",
  ],
  charge: [
    "balance_transaction",
    "billing_details.name",
    "description",
    "shipping",
    "source",
    "transfer_data",
    "payment_method_details.card.installments",
    "payment_method_details.card.three_d_secure",
    "payment_method_details.card.wallet",
  ],
  refund: [],
  event: [],
  payment_method: [
    "billing_details.address.*",
    "billing_details.email",
    "billing_details.phone",
    "card.generated_from",
    "card.wallet",
  ],
};

/** Free-form or polymorphic values whose inner keys say nothing about the emulator's shape. */
const OPAQUE = new Set(["metadata", "data.object", "source"]);

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function isNullable(type: FixtureType, path: string): boolean {
  const parent = path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "";
  return NULLABLE[type].includes(path) || NULLABLE[type].includes(`${parent}.*`);
}

function compare(
  type: FixtureType,
  actual: Record<string, unknown>,
  expected: Record<string, unknown>,
  prefix: string,
  problems: string[],
): void {
  for (const [key, fixtureValue] of Object.entries(expected)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!(key in actual)) {
      problems.push(`${path}: missing`);
      continue;
    }

    const value = actual[key];
    const [want, got] = [jsonType(fixtureValue), jsonType(value)];
    if (want === "null" || (got === "null" && isNullable(type, path))) continue;
    if (want !== got) {
      problems.push(`${path}: ${got}, fixture has ${want}`);
      continue;
    }
    if (want === "object" && !OPAQUE.has(path)) {
      compare(
        type,
        value as Record<string, unknown>,
        fixtureValue as Record<string, unknown>,
        path,
        problems,
      );
    }
  }
}

/**
 * Asserts that `object` carries every field of Stripe's fixture for `type`, recursively, with
 * the same JSON type — null only where Stripe has null or documents the field as nullable.
 */
export function expectFixtureShape(object: unknown, type: FixtureType): void {
  const fixture = fixtures.resources[type] as Record<string, unknown>;
  const problems: string[] = [];
  compare(type, object as Record<string, unknown>, fixture, "", problems);
  expect(problems, `${type} differs from Stripe's fixture`).toEqual([]);
  expect((object as { object?: string }).object).toBe(type);
}
