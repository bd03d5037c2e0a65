import { invalidRequest } from "./errors.js";

type Operator = ":" | "~" | ">" | ">=" | "<" | "<=";

interface Clause {
  negated: boolean;
  field: string;
  metadataKey: string | null;
  operator: Operator;
  value: string | number | null;
}

export interface SearchQuery {
  join: "AND" | "OR";
  clauses: Clause[];
}

// One clause: optional "-", a field (metadata takes ['key']), an operator, and a value that
// is a quoted string, an integer or null.
const FIELD = String.raw`(-?)([a-z_]+)(?:\[(?:'([^']*)'|"([^"]*)")\])?`;
const OPERATOR = String.raw`(:|~|>=|<=|>|<)`;
const VALUE = String.raw`('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+|null)`;
const CLAUSE = new RegExp(`^${FIELD}${OPERATOR}${VALUE}$`);

function queryError(detail: string): Error {
  return invalidRequest(`Invalid search query: ${detail}`, { param: "query" });
}

/** Splits on AND/OR outside quotes; Stripe forbids mixing the two in one query. */
function splitClauses(query: string): { join: "AND" | "OR"; parts: string[] } {
  const parts: string[] = [];
  const joins = new Set<"AND" | "OR">();
  let current = "";
  let quote: string | null = null;
  const tokens = query.trim().split(/(\s+)/);
  for (const token of tokens) {
    const quotes = (token.match(/(?<!\\)['"]/g) ?? []).length;
    if (!quote && (token === "AND" || token === "OR")) {
      joins.add(token);
      parts.push(current.trim());
      current = "";
    } else {
      current += token;
    }
    if (quotes % 2 === 1) quote = quote ? null : "open";
  }
  parts.push(current.trim());
  if (joins.size > 1) throw queryError("AND and OR cannot be combined.");
  return { join: joins.has("OR") ? "OR" : "AND", parts };
}

export function parseSearchQuery(query: string, fields: readonly string[]): SearchQuery {
  if (query.trim() === "") throw queryError("the query is empty.");

  const { join, parts } = splitClauses(query);
  const clauses = parts.map((part): Clause => {
    const match = CLAUSE.exec(part);
    if (!match) throw queryError(`could not parse '${part}'.`);

    const [, minus, field, singleKey, doubleKey, operator, rawValue] = match;
    if (!fields.includes(field as string)) {
      throw queryError(`'${field}' is not a supported field.`);
    }
    const metadataKey = singleKey ?? doubleKey ?? null;
    if ((field === "metadata") !== (metadataKey !== null)) {
      throw queryError(`metadata needs a key, as in metadata['key'].`);
    }
    return {
      negated: minus === "-",
      field: field as string,
      metadataKey,
      operator: operator as Operator,
      value: parseValue(rawValue as string),
    };
  });
  return { join, clauses };
}

function parseValue(raw: string): string | number | null {
  if (raw === "null") return null;
  if (/^-?\d+$/.test(raw)) return Number(raw);
  return raw.slice(1, -1).replace(/\\(.)/g, "$1");
}

function matchesClause(object: Record<string, unknown>, clause: Clause): boolean {
  const metadata = object.metadata as Record<string, string> | undefined;
  const actual =
    clause.metadataKey !== null ? (metadata?.[clause.metadataKey] ?? null) : object[clause.field];
  const expected = clause.value;

  let result: boolean;
  switch (clause.operator) {
    case ":":
      result = expected === null ? actual === null : String(actual) === String(expected);
      break;
    case "~":
      result = typeof actual === "string" && actual.includes(String(expected));
      break;
    default:
      result = typeof actual === "number" && compare(actual, clause.operator, Number(expected));
  }
  return clause.negated ? !result : result;
}

function compare(actual: number, operator: Operator, expected: number): boolean {
  if (operator === ">") return actual > expected;
  if (operator === ">=") return actual >= expected;
  if (operator === "<") return actual < expected;
  return actual <= expected;
}

export function matchesQuery(object: Record<string, unknown>, query: SearchQuery): boolean {
  const results = query.clauses.map((clause) => matchesClause(object, clause));
  return query.join === "AND" ? results.every(Boolean) : results.some(Boolean);
}

export interface SearchPage<T> {
  object: "search_result";
  data: T[];
  has_more: boolean;
  next_page: string | null;
  url: string;
}

/** Search pages are opaque tokens in Stripe; here a token is the offset, base64url-encoded. */
export function searchPage<T>(items: T[], limit: number, page: string | undefined, url: string) {
  const offset = page ? Number(Buffer.from(page, "base64url").toString()) : 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw invalidRequest("Invalid page token.", { param: "page" });
  }

  const data = items.slice(offset, offset + limit);
  const hasMore = offset + limit < items.length;
  const next = hasMore ? Buffer.from(String(offset + limit)).toString("base64url") : null;
  const result: SearchPage<T> = {
    object: "search_result",
    data,
    has_more: hasMore,
    next_page: next,
    url,
  };
  return result;
}
