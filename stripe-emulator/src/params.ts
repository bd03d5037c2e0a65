import { invalidRequest, missingParam, unknownParam } from "./errors.js";
import type { Param, Params } from "./form.js";

/** Rejects parameters Stripe would not know for this endpoint, as Stripe does. */
export function allowOnly(params: Params, allowed: readonly string[]): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) throw unknownParam(key);
  }
}

export function optionalString(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidRequest(`Invalid string: ${key}`, { param: key });
  return value;
}

export function requiredString(params: Params, key: string): string {
  const value = optionalString(params, key);
  if (value === undefined || value === "") throw missingParam(key);
  return value;
}

/** An empty string means "unset" in Stripe's form encoding, so it reads as null. */
export function nullableString(params: Params, key: string): string | null | undefined {
  const value = optionalString(params, key);
  return value === "" ? null : value;
}

export function optionalInteger(params: Params, key: string): number | undefined {
  const value = optionalString(params, key);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalidRequest(`Invalid integer: ${value}`, { param: key });
  return Number(value);
}

export function optionalBoolean(params: Params, key: string): boolean | undefined {
  const value = optionalString(params, key);
  if (value === undefined) return undefined;
  if (value !== "true" && value !== "false") {
    throw invalidRequest(`Invalid boolean: ${value}`, { param: key });
  }
  return value === "true";
}

export function optionalHash(params: Params, key: string): Params | undefined {
  const value = params[key];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidRequest(`Invalid hash`, { param: key });
  }
  return value;
}

export function optionalStringList(params: Params, key: string): string[] | undefined {
  const value = params[key];
  if (value === undefined) return undefined;
  const list: Param[] = Array.isArray(value) ? value : [value];
  if (!list.every((item): item is string => typeof item === "string")) {
    throw invalidRequest(`Invalid array`, { param: key });
  }
  return list;
}

/**
 * Applies Stripe's metadata rules: keys merge into what is stored, an empty value deletes its
 * key, and `metadata=""` clears everything.
 */
export function mergeMetadata(
  current: Record<string, string>,
  params: Params,
): Record<string, string> {
  const raw = params.metadata;
  if (raw === undefined) return current;
  if (raw === "") return {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw invalidRequest("Invalid hash", { param: "metadata" });
  }

  const merged = { ...current };
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value !== "string") {
      throw invalidRequest("Metadata values must be strings.", { param: `metadata[${key}]` });
    }
    if (value === "") delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
