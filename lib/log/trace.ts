import { randomBytes } from "node:crypto";

// W3C Trace Context: version-traceid-parentid-flags, lower-case hex, all-zero ids invalid.
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** The trace id of an incoming `traceparent`, or a new one when it is absent or malformed. */
export function traceIdFrom(traceparent: string | null | undefined): string {
  const match = TRACEPARENT.exec(traceparent?.trim().toLowerCase() ?? "");
  const traceId = match?.[1];
  if (traceId && !/^0+$/.test(traceId) && !/^0+$/.test(match[2]!)) return traceId;

  return randomBytes(16).toString("hex");
}

/** A `traceparent` for the response, continuing the trace with a span of our own. */
export function traceparentFor(traceId: string): string {
  return `00-${traceId}-${randomBytes(8).toString("hex")}-01`;
}
