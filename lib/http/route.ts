// The frame of every route handler: request-scoped log context with a TraceId taken from
// `traceparent` (or new), echoed to the caller, and typed errors turned into JSON answers.
import { NextResponse, type NextRequest } from "next/server";

import { runWithLogContext } from "@/lib/log/context";
import { createLogger } from "@/lib/log/logger";
import { traceIdFrom, traceparentFor } from "@/lib/log/trace";

import { ApiError } from "./api-error";

const log = createLogger("http");

export const TRACE_ID_HEADER = "x-trace-id";

type Params = Record<string, string>;
type Handler<P extends Params> = (request: NextRequest, params: P) => Promise<Response>;
type NextHandler<P extends Params> = (
  request: NextRequest,
  context: { params: Promise<P> },
) => Promise<Response>;

export function errorResponse(
  status: number,
  code: string,
  message: string,
  extra = {},
): NextResponse {
  return NextResponse.json({ error: { code, message, ...extra } }, { status });
}

export function route<P extends Params = Params>(handler: Handler<P>): NextHandler<P> {
  return async (request, context) => {
    const traceId = traceIdFrom(request.headers.get("traceparent"));

    return runWithLogContext({ TraceId: traceId }, async () => {
      let response: Response;
      try {
        response = await handler(request, await context.params);
      } catch (error) {
        response = toErrorResponse(error);
      }
      response.headers.set(TRACE_ID_HEADER, traceId);
      response.headers.set("traceparent", traceparentFor(traceId));
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");

      return response;
    });
  };
}

function toErrorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    if (error.status >= 500) log.error({ code: error.code }, error.message);
    else log.info({ status: error.status, code: error.code }, `Request refused: ${error.message}`);
    return errorResponse(error.status, error.code, error.message, error.details ?? {});
  }

  log.error({ err: error }, "Unhandled error in route handler");
  return errorResponse(500, "internal_error", "Something went wrong on our side. Please retry.");
}
