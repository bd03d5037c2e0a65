import { invalidRequest } from "./errors.js";
import type { EmulatorState } from "./state.js";

type Json = Record<string, unknown>;

function lookup(state: EmulatorState, field: string, id: string): Json | undefined {
  const maps: Record<string, Map<string, unknown>> = {
    latest_charge: state.charges,
    charge: state.charges,
    payment_intent: state.paymentIntents,
    payment_method: state.paymentMethods,
  };
  const found = maps[field]?.get(id);
  return found ? (structuredClone(found) as Json) : undefined;
}

// Expandable in Stripe but not stored here: left as they are (an id or null).
const KEPT_AS_IDS = new Set([
  "customer",
  "balance_transaction",
  "review",
  "on_behalf_of",
  "application",
  "failure_balance_transaction",
  "source_transfer",
  "transfer_reversal",
]);
const RESOLVED = new Set(["latest_charge", "charge", "payment_intent", "payment_method"]);

function cannotExpand(path: string): Error {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: "expand" });
}

/**
 * Replaces id strings along each `expand[]` path by the object they name, in place on a copy.
 * Lists expand through `data.`, as in Stripe (`data.latest_charge`).
 */
export function expandPaths(state: EmulatorState, target: Json, paths: string[]): Json {
  for (const path of paths) expandPath(state, target, path.split("."), path);
  return target;
}

function expandPath(state: EmulatorState, target: Json, segments: string[], path: string): void {
  const [field, ...rest] = segments;
  if (field === undefined) return;

  const isList = target.object === "list" || target.object === "search_result";
  if (isList && field === "data") {
    for (const item of target.data as Json[]) expandPath(state, item, rest, path);
    return;
  }
  if (!(field in target)) throw cannotExpand(path);
  if (KEPT_AS_IDS.has(field)) return;
  if (!RESOLVED.has(field)) throw cannotExpand(path);

  const value = target[field];
  if (typeof value === "string") {
    const expanded = lookup(state, field, value);
    if (!expanded) throw cannotExpand(path);
    target[field] = expanded;
  }
  const next = target[field];
  if (rest.length > 0 && next && typeof next === "object") {
    expandPath(state, next as Json, rest, path);
  }
}
