import { AsyncLocalStorage } from "node:async_hooks";

/** Correlation fields carried by every log line of a request, named as operators search them. */
export interface LogContext {
  TraceId?: string | null;
  CartId?: string | null;
  PaymentIntentId?: string | null;
  UserId?: string | null;
  EventId?: string | null;
  EventType?: string | null;
}

const storage = new AsyncLocalStorage<LogContext>();

export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...context }, work);
}

/** Adds fields to the current request's context; later log lines of the request carry them. */
export function addLogContext(fields: LogContext): void {
  const current = storage.getStore();
  if (!current) return;

  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) current[key as keyof LogContext] = value;
  }
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
