import { authenticationError, StripeApiError, type StripeErrorBody } from "./errors.js";
import { expandPaths } from "./expand.js";
import { parseForm, type Params } from "./form.js";
import { newId } from "./ids.js";
import { DEFAULT_API_VERSION } from "./keys.js";
import { readApiKey } from "./auth.js";
import { chargeRoutes } from "./routes/charges.js";
import { eventRoutes } from "./routes/events.js";
import { paymentIntentRoutes } from "./routes/payment-intents.js";
import { paymentMethodRoutes } from "./routes/payment-methods.js";
import { refundRoutes } from "./routes/refunds.js";
import { expandList, type Route } from "./routes/route.js";
import type { EmulatorState } from "./state.js";

const ROUTES: Route[] = [
  ...paymentIntentRoutes,
  ...paymentMethodRoutes,
  ...chargeRoutes,
  ...refundRoutes,
  ...eventRoutes,
];

export interface ApiRequest {
  method: string;
  path: string;
  query: string;
  body: string;
  headers: Record<string, string | undefined>;
  baseUrl: string;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function errorResponse(error: StripeApiError, requestId: string): ApiResponse {
  const body: { error: StripeErrorBody & { request_log_url?: string } } = { error: error.body };
  return {
    status: error.status,
    headers: { "request-id": requestId, "stripe-should-retry": "false" },
    body: JSON.stringify(body, null, 2),
  };
}

function findRoute(method: string, path: string) {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match && route.method === method) return { route, ids: match.slice(1) };
  }
  return undefined;
}

function unrecognized(method: string, path: string): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}).`,
  });
}

/** Whether Stripe would keep the outcome of a request for replay under its idempotency key. */
function isReplayable(status: number, body: string): boolean {
  if (status === 401 || status >= 500) return false;
  // Requests refused while validating parameters never started executing.
  return !/"code": "parameter_/.test(body);
}

/** Serves one `/v1` request: authentication, idempotency, the route, then `expand[]`. */
export function handleApiRequest(state: EmulatorState, request: ApiRequest): ApiResponse {
  const requestId = newId("req");
  try {
    const params: Params = parseForm(request.method === "POST" ? request.body : request.query);
    const formKey = typeof params.key === "string" ? params.key : undefined;
    delete params.key;
    const key = readApiKey(request.headers.authorization, formKey);

    const idempotencyKey =
      request.method === "POST" ? request.headers["idempotency-key"] : undefined;
    const storeKey = idempotencyKey ? `${key.value} ${idempotencyKey}` : undefined;
    const fingerprint = `${request.method} ${request.path} ${request.body}`;
    const stored = storeKey ? state.idempotentResponses.get(storeKey) : undefined;
    if (stored && stored.fingerprint !== fingerprint) {
      throw new StripeApiError(400, {
        type: "idempotency_error",
        message:
          "Keys for idempotent requests can only be used with the same parameters they were " +
          `first used with. Try using a key other than '${idempotencyKey}' if you meant to ` +
          "execute a different request.",
      });
    }
    if (stored) {
      const headers = { "request-id": requestId, "idempotent-replayed": "true" };
      return { status: stored.status, headers, body: stored.body };
    }

    const response = dispatch(state, request, params, key, requestId, idempotencyKey ?? null);
    if (storeKey && isReplayable(response.status, response.body)) {
      state.idempotentResponses.set(storeKey, {
        fingerprint,
        status: response.status,
        body: response.body,
      });
    }
    if (idempotencyKey) response.headers["idempotency-key"] = idempotencyKey;
    return response;
  } catch (error) {
    if (error instanceof StripeApiError) return errorResponse(error, requestId);
    throw error;
  }
}

function dispatch(
  state: EmulatorState,
  request: ApiRequest,
  params: Params,
  key: ReturnType<typeof readApiKey>,
  requestId: string,
  idempotencyKey: string | null,
): ApiResponse {
  try {
    const found = findRoute(request.method, request.path);
    if (!found) throw unrecognized(request.method, request.path);
    if (key.kind === "publishable" && !found.route.publishable) {
      throw authenticationError(
        "This API call cannot be made with a publishable API key. Please use a secret API key.",
      );
    }

    const apiVersion = request.headers["stripe-version"] ?? DEFAULT_API_VERSION;
    const result = found.route.handle({
      state,
      params,
      ids: found.ids,
      key,
      cause: { requestId, idempotencyKey, apiVersion },
      baseUrl: request.baseUrl,
    });
    // A copy, so expanding never rewrites what is stored.
    const body = structuredClone(result) as Record<string, unknown>;
    expandPaths(state, body, expandList(params));
    const headers = { "request-id": requestId, "stripe-version": apiVersion };
    return { status: 200, headers, body: JSON.stringify(body, null, 2) };
  } catch (error) {
    if (error instanceof StripeApiError) return errorResponse(error, requestId);
    throw error;
  }
}
