// The bad-input table: every malformed request we could think of, per endpoint, with the answer
// it must get. Each row runs against the same world; the test checks the status and error code,
// and that neither the database nor Stripe saw any change.
import Stripe from "stripe";

import * as cartRoute from "@/app/api/cart/route";
import * as cartByIdRoute from "@/app/api/cart/[cartId]/route";
import * as detailsRoute from "@/app/api/cart/[cartId]/details/route";
import * as linesRoute from "@/app/api/cart/[cartId]/lines/route";
import * as lineRoute from "@/app/api/cart/[cartId]/lines/[productId]/route";
import * as healthRoute from "@/app/api/health/route";
import * as orderRoute from "@/app/api/orders/[orderId]/route";
import * as finalizeRoute from "@/app/api/payments/[cartId]/finalize/route";
import * as intentRoute from "@/app/api/payments/[cartId]/intent/route";
import * as webhookRoute from "@/app/api/payments/webhook/route";
import * as productsRoute from "@/app/api/products/route";
import type { SignatureFailureCause } from "@/lib/webhooks/verify-signature";

import type { CallResult } from "../helpers/call-route";
import { SHOPPER } from "../helpers/payments-harness";
import { callRaw, cookieOf, RETIRED_PRODUCT, type RawCall, type World } from "./world";

export interface BadInputCase {
  endpoint: string;
  name: string;
  send: (world: World, webhookSecret: string) => Promise<CallResult>;
  status: number;
  /** The `error.code` of the answer; null for Next's own bodiless 405. */
  code: string | null;
  /** The one table a refused request may change: a rejected signature is counted by cause. */
  signatureFailure?: SignatureFailureCause;
}

type Route = Record<string, unknown>;
type Params = Record<string, string>;

const JSON_TYPE = { "content-type": "application/json" };
const DETAILS = {
  email: SHOPPER.email,
  name: SHOPPER.name,
  address: { line1: "Via Roma 1", city: "Torino", postalCode: "10121", country: "IT" },
};

const utf8 = (text: string) => new TextEncoder().encode(text);
/** JSON text with raw escapes kept as written (`\u0000`, a lone surrogate, 1e400, -0). */
const raw = (text: string) => ({ raw: text });
type Body = unknown | { raw: string };

function bodyText(body: Body): string {
  if (body && typeof body === "object" && "raw" in body) return (body as { raw: string }).raw;
  return JSON.stringify(body);
}

// ---------------------------------------------------------------------------------------------
// Requests with a JSON body: one shape of sender per endpoint, the same hostile bodies for all.

interface JsonEndpoint {
  endpoint: string;
  route: Route;
  method: string;
  params: (world: World) => Params;
  valid: (world: World) => Record<string, unknown>;
}

const LINES: JsonEndpoint = {
  endpoint: "POST /api/cart/{cartId}/lines",
  route: linesRoute,
  method: "POST",
  params: (world) => ({ cartId: world.cartId }),
  valid: () => ({ productId: "tea-tin", quantity: 1 }),
};
const LINE: JsonEndpoint = {
  endpoint: "PATCH /api/cart/{cartId}/lines/{productId}",
  route: lineRoute,
  method: "PATCH",
  params: (world) => ({ cartId: world.cartId, productId: "espresso-cup" }),
  valid: () => ({ quantity: 3 }),
};
const DETAILS_PUT: JsonEndpoint = {
  endpoint: "PUT /api/cart/{cartId}/details",
  route: detailsRoute,
  method: "PUT",
  params: (world) => ({ cartId: world.cartId }),
  valid: () => DETAILS,
};
const FINALIZE: JsonEndpoint = {
  endpoint: "POST /api/payments/{cartId}/finalize",
  route: finalizeRoute,
  method: "POST",
  params: (world) => ({ cartId: world.cartId }),
  valid: (world) => ({ paymentIntentId: world.intentId }),
};

/** Sends `call` to the endpoint as shopper A, the cart's owner, so only the input is at fault. */
function sendTo(target: JsonEndpoint, build: (world: World) => Partial<RawCall>) {
  return (world: World) => {
    const call = build(world);
    return callRaw(target.route, {
      method: target.method,
      params: call.params ?? target.params(world),
      body: call.body,
      headers: { cookie: cookieOf(world.shopper), ...call.headers },
    });
  };
}

function jsonBody(target: JsonEndpoint, body: (world: World) => Body) {
  return sendTo(target, (world) => ({ body: bodyText(body(world)), headers: JSON_TYPE }));
}

type Hostile = [
  name: string,
  build: (valid: string) => Partial<RawCall>,
  status: number,
  code: string,
];

const asJson = (body: string | Uint8Array): Partial<RawCall> => ({ body, headers: JSON_TYPE });
const withType = (type: string, body: string | Uint8Array): Partial<RawCall> => ({
  body,
  headers: { "content-type": type },
});
/** The valid body with `extra` spliced in as the first member, written as raw JSON text. */
const prefixed = (valid: string, extra: string) => `{${extra},${valid.slice(1)}`;

const HOSTILE_BODIES: Hostile[] = [
  ["truncated JSON", (valid) => asJson(valid.slice(0, -1)), 400, "malformed_json"],
  ["an empty body", () => asJson(""), 400, "malformed_json"],
  ["whitespace only", () => asJson(" \n\t "), 400, "malformed_json"],
  ["single-quoted JSON", (valid) => asJson(valid.replaceAll('"', "'")), 400, "malformed_json"],
  ["a trailing comma", (valid) => asJson(`${valid.slice(0, -1)},}`), 400, "malformed_json"],
  ["two JSON documents", (valid) => asJson(`${valid}${valid}`), 400, "malformed_json"],
  ["a comment in JSON", (valid) => asJson(`/* hi */${valid}`), 400, "malformed_json"],
  ["NaN", () => asJson("NaN"), 400, "malformed_json"],
  ["JSON null", () => asJson("null"), 400, "invalid_request"],
  ["a JSON string", () => asJson('"hello"'), 400, "invalid_request"],
  ["a JSON number", () => asJson("42"), 400, "invalid_request"],
  ["JSON true", () => asJson("true"), 400, "invalid_request"],
  ["an empty object", () => asJson("{}"), 400, "invalid_request"],
  ["an empty array", () => asJson("[]"), 400, "invalid_request"],
  ["the valid body inside an array", (valid) => asJson(`[${valid}]`), 400, "invalid_request"],
  [
    "arrays nested 5000 deep",
    () => asJson(`${"[".repeat(5000)}${"]".repeat(5000)}`),
    400,
    "invalid_request",
  ],
  [
    "objects nested 2000 deep",
    () => asJson(`${'{"a":'.repeat(2000)}1${"}".repeat(2000)}`),
    400,
    "invalid_request",
  ],
  [
    "a __proto__ key",
    (valid) => asJson(prefixed(valid, '"__proto__":{"isAdmin":true}')),
    400,
    "invalid_request",
  ],
  [
    "a constructor.prototype key",
    (valid) => asJson(prefixed(valid, '"constructor":{"prototype":{"isAdmin":true}}')),
    400,
    "invalid_request",
  ],
  [
    "an unknown field (a client-chosen amount)",
    (valid) => asJson(prefixed(valid, '"amount":1')),
    400,
    "invalid_request",
  ],
  [
    "a duplicated key whose second value is hostile",
    (valid) => asJson(`${valid.slice(0, -1)},"__proto__":null}`),
    400,
    "invalid_request",
  ],
  [
    "bytes that are not UTF-8",
    (valid) =>
      asJson(new Uint8Array([...utf8('{"\xff'), 0xff, 0xfe, ...utf8(`":1,${valid.slice(1)}`)])),
    400,
    "invalid_encoding",
  ],
  [
    "a body over 16 KiB",
    (valid) => asJson(prefixed(valid, `"pad":"${"x".repeat(17 * 1024)}"`)),
    413,
    "body_too_large",
  ],
  [
    "a 1 MiB body",
    (valid) => asJson(prefixed(valid, `"pad":"${"x".repeat(1024 * 1024)}"`)),
    413,
    "body_too_large",
  ],
  [
    "a Content-Length of 1 GB",
    (valid) => ({ body: valid, headers: { ...JSON_TYPE, "content-length": "1000000000" } }),
    413,
    "body_too_large",
  ],
  [
    "a Content-Length that understates a 100 KiB body",
    (valid) => ({
      body: prefixed(valid, `"pad":"${"x".repeat(100 * 1024)}"`),
      headers: { ...JSON_TYPE, "content-length": "20" },
    }),
    413,
    "body_too_large",
  ],
  ["text/plain", (valid) => withType("text/plain", valid), 415, "unsupported_media_type"],
  [
    "a form post",
    () => withType("application/x-www-form-urlencoded", "quantity=1&productId=tea-tin"),
    415,
    "unsupported_media_type",
  ],
  [
    "multipart/form-data",
    () =>
      withType(
        "multipart/form-data; boundary=x",
        '--x\r\nContent-Disposition: form-data; name="quantity"\r\n\r\n1\r\n--x--\r\n',
      ),
    415,
    "unsupported_media_type",
  ],
  ["no Content-Type at all", (valid) => ({ body: utf8(valid) }), 415, "unsupported_media_type"],
  [
    "application/jsonp",
    (valid) => withType("application/jsonp", valid),
    415,
    "unsupported_media_type",
  ],
  [
    "application/json-patch+json",
    (valid) => withType("application/json-patch+json", valid),
    415,
    "unsupported_media_type",
  ],
  [
    "a content type that only mentions JSON",
    (valid) => withType("text/html; x=application/json", valid),
    415,
    "unsupported_media_type",
  ],
];

function hostileBodies(target: JsonEndpoint): BadInputCase[] {
  return HOSTILE_BODIES.map(([name, build, status, code]) => ({
    endpoint: target.endpoint,
    name,
    status,
    code,
    send: sendTo(target, (world) => build(JSON.stringify(target.valid(world)))),
  }));
}

type FieldRow = [name: string, change: Record<string, Body>, answer?: [number, string]];

/**
 * Rows whose body is the valid one with some fields replaced (a raw() value is kept verbatim),
 * refused 400 invalid_request unless the row names another answer.
 */
function fieldCases(target: JsonEndpoint, rows: FieldRow[]): BadInputCase[] {
  return rows.map(([name, change, [status, code] = [400, "invalid_request"]]) => ({
    endpoint: target.endpoint,
    name,
    status,
    code,
    send: jsonBody(target, (world) => raw(withFields(target.valid(world), change))),
  }));
}

/** JSON text of `base` with `change` applied; raw() values are written as given. */
function withFields(base: Record<string, unknown>, change: Record<string, Body>): string {
  const members = Object.entries({ ...base, ...change })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}:${bodyText(value)}`);
  return `{${members.join(",")}}`;
}

const MISSING = undefined;

// ---------------------------------------------------------------------------------------------
// Path parameters: ids that cannot exist, exist no more, or belong to someone else.

type CartIdRow = [name: string, cartId: (world: World) => string];

const BAD_CART_IDS: CartIdRow[] = [
  ["an unknown well-formed cart id", () => "AAAAAAAAAAAAAAAAAAAAAA"],
  ["the id of a cart already paid and deleted", (world) => world.paidCartId],
  ["another shopper's cart id", (world) => world.otherCartId],
  ["a cart id that is too short", () => "abc"],
  ["a cart id one character too long", () => "A".repeat(23)],
  ["a 10,000-character cart id", () => "A".repeat(10_000)],
  ["an empty cart id", () => ""],
  ["a path-traversal cart id", () => "../../etc/passwd"],
  ["a percent-encoded traversal", () => "..%2F..%2F..%2Fetc%2Fpasswd"],
  ["an SQL-injection cart id", () => "' OR '1'='1' --"],
  ["a cart id with a NUL byte", () => `AAAAAAAAAAA\u0000AAAAAAAAAA`],
  ["22 non-ASCII characters", () => "é".repeat(22)],
  ["a valid id followed by a newline", (world) => `${world.cartId}\n`],
];

interface CartEndpoint {
  endpoint: string;
  route: Route;
  method: string;
  params?: Params;
  body?: (world: World) => unknown;
  /** What an unknown but well-formed id gets, when it is not 404 cart_not_found. */
  unknownId?: [status: number, code: string];
}

const CART_ENDPOINTS: CartEndpoint[] = [
  { endpoint: "GET /api/cart/{cartId}", route: cartByIdRoute, method: "GET" },
  {
    endpoint: "POST /api/cart/{cartId}/lines",
    route: linesRoute,
    method: "POST",
    body: () => ({ productId: "tea-tin", quantity: 1 }),
  },
  {
    endpoint: "PATCH /api/cart/{cartId}/lines/{productId}",
    route: lineRoute,
    method: "PATCH",
    params: { productId: "moka-pot" },
    body: () => ({ quantity: 2 }),
  },
  {
    endpoint: "DELETE /api/cart/{cartId}/lines/{productId}",
    route: lineRoute,
    method: "DELETE",
    params: { productId: "moka-pot" },
  },
  {
    endpoint: "PUT /api/cart/{cartId}/details",
    route: detailsRoute,
    method: "PUT",
    body: () => DETAILS,
  },
  { endpoint: "POST /api/payments/{cartId}/intent", route: intentRoute, method: "POST" },
  {
    endpoint: "POST /api/payments/{cartId}/finalize",
    route: finalizeRoute,
    method: "POST",
    // The cart is looked at only through the intent: Stripe says whose intent it is.
    body: (world) => ({ paymentIntentId: world.intentId }),
    unknownId: [409, "intent_mismatch"],
  },
];

const WELL_FORMED_UNKNOWN = new Set([
  "an unknown well-formed cart id",
  "the id of a cart already paid and deleted",
]);

function badCartIds(): BadInputCase[] {
  return CART_ENDPOINTS.flatMap((target) =>
    BAD_CART_IDS.map(([name, cartId]): BadInputCase => {
      const [status, code] =
        target.unknownId && WELL_FORMED_UNKNOWN.has(name)
          ? target.unknownId
          : [404, "cart_not_found"];
      return {
        endpoint: target.endpoint,
        name,
        status,
        code,
        send: (world) =>
          callRaw(target.route, {
            method: target.method,
            params: { ...target.params, cartId: cartId(world) },
            headers: { ...JSON_TYPE, cookie: cookieOf(world.shopper) },
            body: target.body && JSON.stringify(target.body(world)),
          }),
      };
    }),
  );
}

const BAD_PRODUCT_PARAMS: [name: string, productId: string][] = [
  ["a product that is not in the cart", "moka-pot"],
  ["an unknown product", "unicorn"],
  ["an upper-case product id", "ESPRESSO-CUP"],
  ["a product id with a NUL byte", "espresso-cup\u0000"],
  ["a non-ASCII product id", "espréssø-cup"],
  ["a 10,000-character product id", "a".repeat(10_000)],
  ["a path-traversal product id", "../espresso-cup"],
  ["an empty product id", ""],
  ["a product id of __proto__", "__proto__"],
];

function badProductParams(): BadInputCase[] {
  return [LINE, { ...LINE, endpoint: "DELETE /api/cart/{cartId}/lines/{productId}" }].flatMap(
    (target) =>
      BAD_PRODUCT_PARAMS.map(([name, productId]): BadInputCase => {
        const method = target.endpoint.split(" ")[0]!;
        return {
          endpoint: target.endpoint,
          name,
          status: 404,
          code: "line_not_found",
          send: (world) =>
            callRaw(lineRoute, {
              method,
              params: { cartId: world.cartId, productId },
              headers: { ...JSON_TYPE, cookie: cookieOf(world.shopper) },
              body: method === "PATCH" ? JSON.stringify({ quantity: 2 }) : undefined,
            }),
        };
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// Field by field.

const LINE_FIELDS = fieldCases(LINES, [
  ["quantity 0", { quantity: 0 }],
  ["a negative quantity", { quantity: -1 }],
  ["quantity -0", { quantity: raw("-0") }],
  ["a fractional quantity", { quantity: 1.5 }],
  ["a quantity a hair above 1", { quantity: raw("1.0000000001") }],
  ["a quantity above the limit", { quantity: 100 }],
  ["quantity 1e308", { quantity: raw("1e308") }],
  ["a quantity that overflows to Infinity", { quantity: raw("1e400") }],
  ["a quantity that overflows to -Infinity", { quantity: raw("-1e400") }],
  ["2^53 + 1", { quantity: raw("9007199254740993") }],
  ["a quantity as a string", { quantity: "2" }],
  ["a quantity as a boolean", { quantity: true }],
  ["a null quantity", { quantity: null }],
  ["a quantity in an array", { quantity: [1] }],
  ["a quantity as an object", { quantity: { valueOf: 1 } }],
  ["a missing quantity", { quantity: MISSING }],
  ["a missing productId", { productId: MISSING }],
  ["a numeric productId", { productId: 42 }],
  ["a null productId", { productId: null }],
  ["a productId in an array", { productId: ["tea-tin"] }],
  ["a productId as an object", { productId: { id: "tea-tin" } }],
  ["an empty productId", { productId: "" }],
  ["an upper-case productId", { productId: "TEA-TIN" }],
  ["a productId with a space", { productId: "tea tin" }],
  ["a non-ASCII productId", { productId: "tëa-tin" }],
  ["a productId with a NUL byte", { productId: raw('"tea-tin\\u0000"') }],
  ["a 10,000-character productId", { productId: "a".repeat(10_000) }],
  ["a path-traversal productId", { productId: "../tea-tin" }],
  ["an SQL-injection productId", { productId: "' OR 1=1 --" }],
  ["a productId of __proto__", { productId: "__proto__" }],
  ["an unknown product", { productId: "unicorn" }, [422, "unknown_product"]],
  ["a productId of constructor", { productId: "constructor" }, [422, "unknown_product"]],
  ["a product no longer sold", { productId: RETIRED_PRODUCT }, [422, "unknown_product"]],
  [
    "going over 99 of one product across additions",
    { productId: "espresso-cup", quantity: 98 },
    [422, "quantity_limit"],
  ],
]);

const SET_QUANTITY_FIELDS = fieldCases(LINE, [
  ["a negative quantity", { quantity: -1 }],
  ["a fractional quantity", { quantity: 2.5 }],
  ["a quantity above the limit", { quantity: 100 }],
  ["quantity 1e308", { quantity: raw("1e308") }],
  ["a quantity that overflows to Infinity", { quantity: raw("1e400") }],
  ["a quantity as a string", { quantity: "3" }],
  ["a quantity as a boolean", { quantity: false }],
  ["a null quantity", { quantity: null }],
  ["a quantity in an array", { quantity: [3] }],
  ["a productId in the body", { productId: "tea-tin" }],
]);

const address = (change: Record<string, unknown>) => ({ ...DETAILS.address, ...change });
const INJECTED = "\r\nBcc: x@evil.test";

const DETAIL_FIELDS = fieldCases(DETAILS_PUT, [
  ["an email without a domain", { email: "ada@" }],
  ["an email without an @", { email: "ada.example.com" }],
  ["an empty email", { email: "" }],
  ["a numeric email", { email: 42 }],
  ["a null email", { email: null }],
  ["a missing email", { email: MISSING }],
  ["an email of 300 characters", { email: `${"a".repeat(288)}@example.com` }],
  ["a Bcc header injected into the email", { email: `ada@example.com${INJECTED}` }],
  ["an email with a NUL byte", { email: raw('"ada@example.com\\u0000"') }],
  ["markup in the email", { email: "<script>@example.com" }],
  ["a blank name", { name: "   " }],
  ["a name of 201 characters", { name: "A".repeat(201) }],
  ["a numeric name", { name: 42 }],
  ["a name as an array", { name: ["Ada"] }],
  ["a header injected into the name", { name: `Ada${INJECTED}` }],
  ["a name with a NUL byte", { name: raw('"Ada\\u0000Lovelace"') }],
  ["a name with a C1 line break (NEL)", { name: raw('"Ada\\u0085Bcc: x@evil.test"') }],
  ["a name with a Unicode line separator", { name: raw('"Ada\\u2028Lovelace"') }],
  ["a name with a lone surrogate", { name: raw('"Ada \\ud800"') }],
  ["a missing address", { address: MISSING }],
  ["an address as a string", { address: "Via Roma 1, Torino" }],
  ["an address as an array", { address: [DETAILS.address] }],
  ["a null address", { address: null }],
  ["an empty address", { address: {} }],
  ["an address with an unknown field", { address: address({ isAdmin: true }) }],
  [
    "an address with a __proto__ key",
    { address: raw(prefixed(JSON.stringify(DETAILS.address), '"__proto__":{"isAdmin":true}')) },
  ],
  ["a blank first address line", { address: address({ line1: " " }) }],
  ["a header injected into the address", { address: address({ line1: `Via Roma${INJECTED}` }) }],
  ["a numeric second address line", { address: address({ line2: 7 }) }],
  ["a control character in line 2", { address: address({ line2: "Scala B\u0007" }) }],
  ["a city of 101 characters", { address: address({ city: "T".repeat(101) }) }],
  ["markup as the postal code", { address: address({ postalCode: "<script>" }) }],
  ["a postal code of 21 characters", { address: address({ postalCode: "1".repeat(21) }) }],
  ["a postal code starting with a dash", { address: address({ postalCode: "-10121" }) }],
  ["an unassigned country code", { address: address({ country: "QQ" }) }],
  ["the unknown-region code ZZ", { address: address({ country: "ZZ" }) }],
  ["the European Union as a country", { address: address({ country: "EU" }) }],
  ["the United Nations as a country", { address: address({ country: "UN" }) }],
  ["a withdrawn country code (East Germany)", { address: address({ country: "DD" }) }],
  ["a three-letter country code", { address: address({ country: "ITA" }) }],
  ["a numeric country", { address: address({ country: 380 }) }],
  ["an empty country", { address: address({ country: "" }) }],
]);

const FINALIZE_FIELDS = fieldCases(FINALIZE, [
  ["a missing paymentIntentId", { paymentIntentId: MISSING }],
  ["a numeric paymentIntentId", { paymentIntentId: 42 }],
  ["a null paymentIntentId", { paymentIntentId: null }],
  ["a paymentIntentId in an array", { paymentIntentId: ["pi_123456789"] }],
  ["an empty paymentIntentId", { paymentIntentId: "" }],
  ["a bare pi_ prefix", { paymentIntentId: "pi_" }],
  ["a 10,000-character paymentIntentId", { paymentIntentId: `pi_${"a".repeat(10_000)}` }],
  ["a paymentIntentId with a NUL byte", { paymentIntentId: raw('"pi_abcdefgh\\u0000ij"') }],
  ["a non-ASCII paymentIntentId", { paymentIntentId: "pi_ünïcødé12345" }],
  ["a path in the paymentIntentId", { paymentIntentId: "pi_12345678/../../v1/charges" }],
  ["an SQL-injection paymentIntentId", { paymentIntentId: '\'; DROP TABLE "Cart"; --' }],
  ["a charge id instead of an intent id", { paymentIntentId: "ch_12345678901" }],
  ["the intent's client secret", { paymentIntentId: "pi_12345678_secret_abcdef" }],
  [
    "an intent Stripe does not know",
    { paymentIntentId: "pi_doesnotexist000000" },
    [404, "payment_intent_not_found"],
  ],
]);

const FINALIZE_INTENTS: BadInputCase[] = [
  {
    endpoint: FINALIZE.endpoint,
    name: "an intent that is not paid yet",
    status: 409,
    code: "payment_incomplete",
    send: jsonBody(FINALIZE, (world) => ({ paymentIntentId: world.intentId })),
  },
  {
    endpoint: FINALIZE.endpoint,
    name: "another cart's intent",
    status: 409,
    code: "intent_mismatch",
    send: jsonBody(FINALIZE, (world) => ({ paymentIntentId: world.otherIntentId })),
  },
  {
    endpoint: FINALIZE.endpoint,
    name: "another cart's intent that succeeded",
    status: 409,
    code: "intent_mismatch",
    send: jsonBody(FINALIZE, (world) => ({ paymentIntentId: world.otherPaidIntentId })),
  },
  {
    endpoint: FINALIZE.endpoint,
    name: "another shopper's paid cart with its own intent",
    status: 404,
    code: "cart_not_found",
    send: sendTo(FINALIZE, (world) => ({
      params: { cartId: world.otherPaidCartId },
      body: JSON.stringify({ paymentIntentId: world.otherPaidIntentId }),
      headers: JSON_TYPE,
    })),
  },
];

function intentCase(
  name: string,
  cartId: (world: World) => string,
  [status, code]: [number, string],
) {
  return {
    endpoint: "POST /api/payments/{cartId}/intent",
    name,
    status,
    code,
    send: (world: World) =>
      callRaw(intentRoute, {
        method: "POST",
        params: { cartId: cartId(world) },
        headers: { cookie: cookieOf(world.shopper) },
      }),
  };
}

const INTENT_CASES: BadInputCase[] = [
  intentCase("an empty cart", (world) => world.emptyCartId, [422, "cart_empty"]),
  intentCase("a cart without details", (world) => world.noDetailsCartId, [422, "details_missing"]),
  intentCase("another shopper's cart with a paid intent", (world) => world.otherPaidCartId, [
    404,
    "cart_not_found",
  ]),
];

// ---------------------------------------------------------------------------------------------
// Orders: only their shopper's cookie finds them.

function orderCase(
  name: string,
  orderId: (world: World) => string,
  cookie: (world: World) => string | null,
) {
  return {
    endpoint: "GET /api/orders/{orderId}",
    name,
    status: 404,
    code: "order_not_found",
    send: (world: World) => {
      const value = cookie(world);
      return callRaw(orderRoute, {
        method: "GET",
        params: { orderId: orderId(world) },
        headers: value === null ? {} : { cookie: value },
      });
    },
  };
}

const mine = (world: World) => cookieOf(world.shopper);
const ORDER_CASES: BadInputCase[] = [
  orderCase(
    "another shopper's order",
    (world) => world.orderId,
    (world) => cookieOf(world.otherShopper),
  ),
  orderCase(
    "an order without the shopper cookie",
    (world) => world.orderId,
    () => null,
  ),
  orderCase(
    "an order with a malformed shopper cookie",
    (world) => world.orderId,
    () => "checkout_uid=x",
  ),
  orderCase(
    "an order with an empty shopper cookie",
    (world) => world.orderId,
    () => "checkout_uid=",
  ),
  orderCase("an unknown order id", () => "00000000-0000-4000-8000-000000000000", mine),
  orderCase("the nil UUID", () => "00000000-0000-0000-0000-000000000000", mine),
  orderCase("an order number instead of its id", () => "1", mine),
  orderCase("an SQL-injection order id", () => "' OR '1'='1", mine),
  orderCase("a 10,000-character order id", () => "0".repeat(10_000), mine),
  orderCase("an order id in braces", (world) => `{${world.orderId}}`, mine),
  orderCase("an order id with a NUL byte", (world) => `${world.orderId}\u0000`, mine),
  orderCase("an order id followed by a newline", (world) => `${world.orderId}\n`, mine),
  orderCase("the cart id instead of the order id", (world) => world.paidCartId, mine),
];

// ---------------------------------------------------------------------------------------------
// The webhook: only a body signed with our secret, recently, gets in.

const WEBHOOK = "POST /api/payments/webhook";
const now = () => Math.floor(Date.now() / 1000);

function eventFor(world: World, id = `evt_badinput_${Math.random().toString(36).slice(2)}`) {
  return JSON.stringify({
    id,
    object: "event",
    type: "payment_intent.succeeded",
    created: now(),
    data: {
      object: {
        id: world.otherPaidIntentId,
        object: "payment_intent",
        amount: 1,
        currency: "eur",
        status: "succeeded",
        metadata: { cartId: world.otherPaidCartId, userId: world.otherShopper },
      },
    },
  });
}

function sign(payload: string, secret: string, timestamp = now()) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

/** The v1 signature alone, for building headers by hand. */
function v1Of(payload: string, secret: string, timestamp = now()) {
  return /v1=([0-9a-f]+)/.exec(sign(payload, secret, timestamp))![1]!;
}

function webhookCase(
  name: string,
  build: (
    world: World,
    secret: string,
  ) => { body: string | Uint8Array; header?: string; type?: string },
  status: number,
  code: string,
  signatureFailure?: SignatureFailureCause,
): BadInputCase {
  return {
    endpoint: WEBHOOK,
    name,
    status,
    code,
    signatureFailure,
    send: (world, secret) => {
      const { body, header, type } = build(world, secret);
      const headers: Record<string, string> = { "content-type": type ?? "application/json" };
      if (header !== undefined) headers["stripe-signature"] = header;
      return callRaw(webhookRoute, { method: "POST", body, headers });
    },
  };
}

const REJECTED = [400, "invalid_signature"] as const;

const WEBHOOK_CASES: BadInputCase[] = [
  webhookCase(
    "no Stripe-Signature header",
    (w) => ({ body: eventFor(w) }),
    ...REJECTED,
    "missing_header",
  ),
  webhookCase(
    "an empty Stripe-Signature header",
    (w) => ({ body: eventFor(w), header: "" }),
    ...REJECTED,
    "missing_header",
  ),
  webhookCase(
    "a garbage header",
    (w) => ({ body: eventFor(w), header: "garbage" }),
    ...REJECTED,
    "malformed_header",
  ),
  webhookCase(
    "t= and v1= with no values",
    (w) => ({ body: eventFor(w), header: "t=,v1=" }),
    ...REJECTED,
    "malformed_header",
  ),
  webhookCase(
    "a timestamp and no v1",
    (w) => ({ body: eventFor(w), header: `t=${now()}` }),
    ...REJECTED,
    "malformed_header",
  ),
  webhookCase(
    "a v1 and no timestamp",
    (w, secret) => {
      const body = eventFor(w);
      return { body, header: `v1=${v1Of(body, secret)}` };
    },
    ...REJECTED,
    "malformed_header",
  ),
  webhookCase(
    "a timestamp that is not a number",
    (w, secret) => {
      const body = eventFor(w);
      return { body, header: `t=soon,v1=${v1Of(body, secret)}` };
    },
    ...REJECTED,
    "malformed_header",
  ),
  webhookCase(
    "a valid signature under v0 only",
    (w, secret) => {
      const body = eventFor(w);
      return { body, header: `t=${now()},v0=${v1Of(body, secret)}` };
    },
    ...REJECTED,
    "malformed_header",
  ),
  webhookCase(
    "a forged signature (another secret)",
    (w) => {
      const body = eventFor(w);
      return { body, header: sign(body, "whsec_forgedForgedForged01") };
    },
    ...REJECTED,
    "no_matching_signature",
  ),
  webhookCase(
    "a body altered after signing",
    (w, secret) => {
      const body = eventFor(w);
      return { body: body.replace('"amount":1', '"amount":100'), header: sign(body, secret) };
    },
    ...REJECTED,
    "no_matching_signature",
  ),
  webhookCase(
    "whitespace added after signing",
    (w, secret) => {
      const body = eventFor(w);
      return { body: `${body}\n`, header: sign(body, secret) };
    },
    ...REJECTED,
    "no_matching_signature",
  ),
  webhookCase(
    "the signature of another event",
    (w, secret) => ({ body: eventFor(w), header: sign(eventFor(w), secret) }),
    ...REJECTED,
    "no_matching_signature",
  ),
  webhookCase(
    "the timestamp moved after signing",
    (w, secret) => {
      const body = eventFor(w);
      return { body, header: `t=${now() + 1},v1=${v1Of(body, secret, now())}` };
    },
    ...REJECTED,
    "no_matching_signature",
  ),
  webhookCase(
    "several v1 signatures, none valid",
    (w, secret) => {
      const body = eventFor(w);
      const t = now();
      const forged = v1Of(body, "whsec_forgedForgedForged01", t);
      const ofAnotherBody = v1Of(eventFor(w), secret, t);
      const zeros = "0".repeat(64);
      return { body, header: `t=${t},v1=${forged},v1=${ofAnotherBody},v1=${zeros}` };
    },
    ...REJECTED,
    "no_matching_signature",
  ),
  webhookCase(
    "a 64 KiB signature header",
    (w) => ({ body: eventFor(w), header: `t=${now()},v1=${"ab".repeat(32 * 1024)}` }),
    ...REJECTED,
    "no_matching_signature",
  ),
  webhookCase(
    "a replay signed ten minutes ago",
    (w, secret) => {
      const body = eventFor(w);
      return { body, header: sign(body, secret, now() - 600) };
    },
    ...REJECTED,
    "timestamp_out_of_tolerance",
  ),
  webhookCase(
    "a replay signed a year ago",
    (w, secret) => {
      const body = eventFor(w);
      return { body, header: sign(body, secret, now() - 365 * 24 * 3600) };
    },
    ...REJECTED,
    "timestamp_out_of_tolerance",
  ),
  webhookCase(
    "an unsigned form post",
    () => ({ body: "type=payment_intent.succeeded", type: "application/x-www-form-urlencoded" }),
    ...REJECTED,
    "missing_header",
  ),
  webhookCase(
    "signed text that is not JSON",
    (_w, secret) => ({ body: "{not json", header: sign("{not json", secret) }),
    ...REJECTED,
    "malformed_payload",
  ),
  webhookCase(
    "an empty body under a signature of the empty string",
    (_w, secret) => ({ body: utf8(""), header: sign("", secret) }),
    ...REJECTED,
    "no_matching_signature",
  ),
  webhookCase(
    "a signed JSON array",
    (_w, secret) => ({ body: "[]", header: sign("[]", secret) }),
    ...REJECTED,
    "malformed_payload",
  ),
  webhookCase(
    "a signed event without data.object",
    (_w, secret) => {
      const body = JSON.stringify({ id: "evt_nodata0001", type: "payment_intent.succeeded" });
      return { body, header: sign(body, secret) };
    },
    ...REJECTED,
    "malformed_payload",
  ),
  webhookCase(
    "a signed event whose id is a number",
    (_w, secret) => {
      const body = JSON.stringify({ id: 7, type: "charge.refunded", data: { object: {} } });
      return { body, header: sign(body, secret) };
    },
    ...REJECTED,
    "malformed_payload",
  ),
  webhookCase(
    "a signed event holding a NUL character",
    (w, secret) => {
      const body = eventFor(w).replace('"currency":"eur"', '"currency":"eur\\u0000"');
      return { body, header: sign(body, secret) };
    },
    ...REJECTED,
    "malformed_payload",
  ),
  webhookCase(
    "bytes that are not UTF-8",
    (w) => ({
      body: new Uint8Array([...utf8(eventFor(w)).slice(0, -2), 0xc3, 0x28, 0x7d]),
      header: `t=${now()},v1=${"0".repeat(64)}`,
    }),
    400,
    "invalid_encoding",
  ),
  webhookCase(
    "a body over 512 KiB",
    (w, secret) => {
      const body = eventFor(w).replace(
        '"object":"event"',
        `"object":"event","pad":"${"x".repeat(520 * 1024)}"`,
      );
      return { body, header: sign(body, secret) };
    },
    413,
    "body_too_large",
  ),
];

// ---------------------------------------------------------------------------------------------
// Headers that try to steer the answer: each must be ignored, and never echoed.

const HEADER_CASES: BadInputCase[] = [
  {
    endpoint: LINES.endpoint,
    name: "a traceparent carrying markup and a bad body",
    status: 400,
    code: "malformed_json",
    send: sendTo(LINES, () => ({
      body: "{",
      headers: { ...JSON_TYPE, traceparent: "00-<script>alert(1)</script>-01" },
    })),
  },
  {
    endpoint: LINES.endpoint,
    name: "an all-zero traceparent and a bad body",
    status: 400,
    code: "malformed_json",
    send: sendTo(LINES, () => ({
      body: "{",
      headers: {
        ...JSON_TYPE,
        traceparent: `00-${"0".repeat(32)}-${"0".repeat(16)}-01`,
      },
    })),
  },
  {
    endpoint: "GET /api/cart/{cartId}",
    name: "the cart cookie of A with the shopper cookie of B",
    status: 404,
    code: "cart_not_found",
    send: (world) =>
      callRaw(cartByIdRoute, {
        method: "GET",
        params: { cartId: world.cartId },
        headers: { cookie: cookieOf(world.otherShopper, world.cartId) },
      }),
  },
  {
    endpoint: LINES.endpoint,
    name: "8 KiB of cookies and a bad quantity",
    status: 400,
    code: "invalid_request",
    send: sendTo(LINES, (world) => ({
      body: JSON.stringify({ productId: "tea-tin", quantity: -5 }),
      headers: {
        ...JSON_TYPE,
        cookie: `${cookieOf(world.shopper)}; junk=${"j".repeat(8 * 1024)}`,
      },
    })),
  },
];

// ---------------------------------------------------------------------------------------------
// Methods a route does not export: Next.js answers them before any of our code runs.

const ROUTES: [path: string, route: Route, params: Params][] = [
  ["/api/products", productsRoute, {}],
  ["/api/health", healthRoute, {}],
  ["/api/cart", cartRoute, {}],
  ["/api/cart/{cartId}", cartByIdRoute, { cartId: "AAAAAAAAAAAAAAAAAAAAAA" }],
  ["/api/cart/{cartId}/lines", linesRoute, { cartId: "AAAAAAAAAAAAAAAAAAAAAA" }],
  [
    "/api/cart/{cartId}/lines/{productId}",
    lineRoute,
    { cartId: "AAAAAAAAAAAAAAAAAAAAAA", productId: "tea-tin" },
  ],
  ["/api/cart/{cartId}/details", detailsRoute, { cartId: "AAAAAAAAAAAAAAAAAAAAAA" }],
  ["/api/orders/{orderId}", orderRoute, { orderId: "00000000-0000-4000-8000-000000000000" }],
  ["/api/payments/{cartId}/intent", intentRoute, { cartId: "AAAAAAAAAAAAAAAAAAAAAA" }],
  ["/api/payments/{cartId}/finalize", finalizeRoute, { cartId: "AAAAAAAAAAAAAAAAAAAAAA" }],
  ["/api/payments/webhook", webhookRoute, {}],
];

const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"];

export const ROUTE_PATHS = ROUTES.map(([path]) => path);

function wrongMethods(): BadInputCase[] {
  return ROUTES.flatMap(([path, route, params]) =>
    METHODS.filter((method) => !(method in route) && !(method === "HEAD" && "GET" in route)).map(
      (method): BadInputCase => ({
        endpoint: `${method} ${path}`,
        name: "a method the route does not serve",
        status: 405,
        code: null,
        send: (world) =>
          callRaw(route, { method, params, headers: { cookie: cookieOf(world.shopper) } }),
      }),
    ),
  );
}

export const CASES: BadInputCase[] = [
  ...[LINES, LINE, DETAILS_PUT, FINALIZE].flatMap(hostileBodies),
  ...LINE_FIELDS,
  ...SET_QUANTITY_FIELDS,
  ...DETAIL_FIELDS,
  ...FINALIZE_FIELDS,
  ...FINALIZE_INTENTS,
  ...INTENT_CASES,
  ...badCartIds(),
  ...badProductParams(),
  ...ORDER_CASES,
  ...WEBHOOK_CASES,
  ...HEADER_CASES,
  ...wrongMethods(),
];
