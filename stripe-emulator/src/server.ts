import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";

import { handleApiRequest } from "./api.js";
import { handleControlRequest } from "./control.js";
import type { EmulatorCore } from "./emulator.js";

const STAND_IN_PATH = new URL("./browser/stripe.js", import.meta.url);
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
  "access-control-allow-headers":
    "Authorization, Content-Type, Stripe-Version, Idempotency-Key, Stripe-Account",
  "access-control-expose-headers": "Request-Id, Idempotent-Replayed, Stripe-Version",
  "access-control-max-age": "600",
};

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function headerMap(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value[0] : value;
  }
  return headers;
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string,
): void {
  response.writeHead(status, { ...CORS_HEADERS, ...headers });
  response.end(body);
}

/** Stripe.js stand-in with this emulator's address baked in, as the page's browser sees it. */
async function standIn(baseUrl: string): Promise<string> {
  const source = await readFile(STAND_IN_PATH, "utf8");
  return source.replace("__STRIPE_EMULATOR_API_BASE__", baseUrl);
}

function isStandInPath(path: string): boolean {
  return (
    path === "/v3" ||
    path === "/v3/" ||
    path === "/stripe.js" ||
    /^\/[a-z0-9]+\/stripe\.js$/.test(path)
  );
}

async function route(core: EmulatorCore, request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? "/", "http://emulator.invalid");
  const method = request.method ?? "GET";
  const baseUrl = `http://${request.headers.host ?? "127.0.0.1"}`;

  if (method === "OPTIONS") return send(response, 204, {}, "");

  if (url.pathname.startsWith("/v1/")) {
    const body = await readBody(request);
    const answer = handleApiRequest(core.state, {
      method,
      path: url.pathname,
      query: url.search.slice(1),
      body,
      headers: headerMap(request),
      baseUrl,
    });
    const headers = { "content-type": "application/json", ...answer.headers };
    return send(response, answer.status, headers, answer.body);
  }

  if (url.pathname.startsWith("/_emulator/")) {
    const answer = await handleControlRequest(core, {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: await readBody(request),
      contentType: request.headers["content-type"] ?? "",
    });
    return send(response, answer.status, answer.headers, answer.body);
  }

  if (method === "GET" && isStandInPath(url.pathname)) {
    const headers = {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "no-store",
    };
    return send(response, 200, headers, await standIn(baseUrl));
  }

  const error = {
    error: {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${url.pathname}).`,
    },
  };
  return send(response, 404, { "content-type": "application/json" }, JSON.stringify(error));
}

export function createEmulatorServer(core: EmulatorCore): Server {
  return createServer((request, response) => {
    route(core, request, response).catch((error: unknown) => {
      // Our own bug: answered like Stripe's api_error, without the stack.
      const message = error instanceof Error ? error.message : String(error);
      const body = { error: { type: "api_error", message: `Stripe emulator failure: ${message}` } };
      if (!response.headersSent)
        send(response, 500, { "content-type": "application/json" }, JSON.stringify(body));
      else response.end();
    });
  });
}
