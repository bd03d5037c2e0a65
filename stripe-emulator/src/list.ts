import { invalidRequest, resourceMissing } from "./errors.js";
import type { Params } from "./form.js";
import { optionalHash, optionalInteger, optionalString } from "./params.js";

export interface ListPage<T> {
  object: "list";
  data: T[];
  has_more: boolean;
  url: string;
}

export const LIST_PARAMS = ["limit", "starting_after", "ending_before", "created", "expand"];

export function readLimit(params: Params): number {
  const limit = optionalInteger(params, "limit") ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequest("This value must be between 1 and 100.", { param: "limit" });
  }
  return limit;
}

/** Applies `created=…` or `created[gt|gte|lt|lte]=…`, as every Stripe list does. */
export function matchesCreated(params: Params, created: number): boolean {
  const exact = typeof params.created === "string" ? optionalInteger(params, "created") : undefined;
  if (exact !== undefined) return created === exact;

  const range = optionalHash(params, "created") ?? {};
  const bound = (key: string) => optionalInteger(range, key);
  const [gt, gte, lt, lte] = [bound("gt"), bound("gte"), bound("lt"), bound("lte")];
  if (gt !== undefined && !(created > gt)) return false;
  if (gte !== undefined && !(created >= gte)) return false;
  if (lt !== undefined && !(created < lt)) return false;
  if (lte !== undefined && !(created <= lte)) return false;
  return true;
}

/**
 * Cuts one page out of `items` (newest first) with Stripe's cursor rules: `starting_after`
 * pages towards older items, `ending_before` towards newer ones, `has_more` looks that way.
 */
export function paginate<T extends { id: string; created: number }>(
  items: T[],
  params: Params,
  url: string,
  kind: string,
): ListPage<T> {
  const limit = readLimit(params);
  const filtered = items.filter((item) => matchesCreated(params, item.created));
  const startingAfter = optionalString(params, "starting_after");
  const endingBefore = optionalString(params, "ending_before");

  if (endingBefore) {
    const index = filtered.findIndex((item) => item.id === endingBefore);
    if (index < 0) throw resourceMissing(kind, endingBefore, "ending_before");
    const from = Math.max(0, index - limit);
    return { object: "list", data: filtered.slice(from, index), has_more: from > 0, url };
  }

  let from = 0;
  if (startingAfter) {
    const index = filtered.findIndex((item) => item.id === startingAfter);
    if (index < 0) throw resourceMissing(kind, startingAfter, "starting_after");
    from = index + 1;
  }
  const data = filtered.slice(from, from + limit);
  return { object: "list", data, has_more: from + limit < filtered.length, url };
}
