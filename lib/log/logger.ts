// JSON log lines on stdout. Each line carries the request's correlation fields (TraceId,
// CartId, PaymentIntentId, UserId, and for webhooks the event id and type).
import { Writable } from "node:stream";

import pino from "pino";

import { currentLogContext } from "./context";

let target: NodeJS.WritableStream = process.stdout;

// Tests capture lines by swapping the target; production always writes to stdout.
const destination = new Writable({
  write(chunk, _encoding, done) {
    target.write(chunk);
    done();
  },
});

export function setLogTarget(stream: NodeJS.WritableStream): void {
  target = stream;
}

const root = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "checkout" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => ({ ...currentLogContext() }),
    redact: {
      paths: ["*.secret", "*.secretKey", "*.webhookSecret", "*.client_secret"],
      censor: "[redacted]",
    },
  },
  destination,
);

export type Logger = pino.Logger;

/** One logger per module: `createLogger("finalize-payment")`. */
export function createLogger(module: string): Logger {
  return root.child({ module });
}
