// Calls a route handler in-process with a real NextRequest, as Next.js does, so integration tests
// exercise the handler, its validation and the database without an HTTP server.
import { NextRequest } from "next/server";

type RouteHandler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions<P> {
  method?: string;
  params?: P;
  /** An object is sent as JSON; a string is sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  path?: string;
}

export interface CallResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
  response: Response;
}

export async function callRoute<P = Record<string, string>, T = any>(
  handler: RouteHandler<P>,
  { method = "GET", params, body, headers = {}, path = "/api/test" }: CallOptions<P> = {},
): Promise<CallResult<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) {
      (init.headers as Record<string, string>)["content-type"] = "application/json";
    }
  }

  const request = new NextRequest(new URL(path, "http://localhost:3000"), init as never);
  const response = await handler(request, { params: Promise.resolve((params ?? {}) as P) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the test sees the raw text.
  }

  return { status: response.status, body: parsed as T, headers: response.headers, response };
}
