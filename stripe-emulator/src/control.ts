import { StripeApiError } from "./errors.js";
import type { EmulatorCore } from "./emulator.js";
import { challengePage } from "./browser/challenge-page.js";

export interface ControlRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  contentType: string;
}

export interface ControlResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

type Json = Record<string, unknown>;

function json(status: number, value: unknown): ControlResponse {
  return {
    status,
    body: JSON.stringify(value, null, 2),
    headers: { "content-type": "application/json" },
  };
}

function readBody(request: ControlRequest): Json {
  if (request.body.trim() === "") return {};
  if (request.contentType.includes("application/x-www-form-urlencoded")) {
    return Object.fromEntries(new URLSearchParams(request.body));
  }
  try {
    const parsed: unknown = JSON.parse(request.body);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Json;
  } catch {
    // Answered below like any other body that is not a JSON object.
  }
  throw new StripeApiError(400, {
    type: "invalid_request_error",
    message: "The body must be a JSON object.",
  });
}

/** Redirects back to the shop the way Stripe's hosted 3-D Secure page does. */
function redirectAfterChallenge(
  returnUrl: string,
  intent: { id: string; client_secret: string; status: string },
): ControlResponse {
  const target = new URL(returnUrl);
  target.searchParams.set("payment_intent", intent.id);
  target.searchParams.set("payment_intent_client_secret", intent.client_secret);
  target.searchParams.set(
    "redirect_status",
    intent.status === "succeeded" ? "succeeded" : "failed",
  );
  return { status: 303, body: "", headers: { location: target.toString() } };
}

/** The `/_emulator/…` API: test-only levers that real Stripe does not have. No auth. */
export async function handleControlRequest(
  core: EmulatorCore,
  request: ControlRequest,
): Promise<ControlResponse> {
  const { method, path } = request;
  const route = `${method} ${path.replace(/\/+$/, "")}`;
  try {
    if (route === "GET /_emulator/health") {
      return json(200, { ok: true, held: core.deliverer.heldEventIds().length, ...core.config() });
    }
    if (route === "POST /_emulator/webhooks/hold") {
      core.deliverer.hold();
      return json(200, { held: true });
    }
    if (route === "POST /_emulator/webhooks/release") {
      core.deliverer.release();
      return json(200, { held: false });
    }
    if (route === "GET /_emulator/deliveries") {
      const eventId = request.query.get("event") ?? undefined;
      return json(200, { data: core.deliverer.deliveries(eventId) });
    }
    if (route === "GET /_emulator/events") return json(200, { data: core.events() });
    if (route === "POST /_emulator/events/deliver-batch") {
      const ids = readBody(request).ids;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) {
        return json(400, { error: { message: "ids must be a list of event ids." } });
      }
      return json(200, { data: await core.deliverBatch(ids as string[]) });
    }
    if (route === "POST /_emulator/config") {
      return json(200, core.configure(readBody(request)));
    }
    if (route === "POST /_emulator/reset") {
      core.reset();
      return json(200, { ok: true });
    }

    const resend = /^POST \/_emulator\/events\/([^/]+)\/resend$/.exec(route);
    if (resend) {
      const times = readBody(request).times ?? 1;
      return json(200, { data: await core.resend(resend[1] as string, Number(times)) });
    }

    const answer = /^POST \/_emulator\/payment_intents\/([^/]+)\/three_d_secure$/.exec(route);
    if (answer) return answerChallenge(core, request, answer[1] as string);
    const page = /^GET \/_emulator\/three_d_secure\/([^/]+)$/.exec(route);
    if (page) return showChallenge(core, request, page[1] as string);

    return json(404, { error: { message: `Unknown control endpoint: ${method} ${path}` } });
  } catch (error) {
    if (error instanceof StripeApiError) return json(error.status, { error: error.body });
    throw error;
  }
}

function showChallenge(core: EmulatorCore, request: ControlRequest, intentId: string) {
  const intent = core.state.paymentIntents.get(intentId);
  if (!intent) return json(404, { error: { message: `No such payment_intent: '${intentId}'` } });

  const returnUrl = request.query.get("return_url");
  const page = challengePage(intent.id, intent.amount, intent.currency, returnUrl);
  return { status: 200, body: page, headers: { "content-type": "text/html; charset=utf-8" } };
}

function answerChallenge(core: EmulatorCore, request: ControlRequest, intentId: string) {
  const body = readBody(request);
  const intent = core.completeThreeDSecure(intentId, body.result as "complete" | "fail");
  const returnUrl = typeof body.return_url === "string" ? body.return_url : "";
  if (returnUrl) return redirectAfterChallenge(returnUrl, intent);
  return json(200, intent);
}
