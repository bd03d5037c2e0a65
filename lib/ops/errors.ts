// Failures as an operator needs to read them: what kind, in one line, and never a secret (a
// database error may quote the connection URL, password included).

/** The driver adapter's kind of a database failure (DatabaseNotReachable, …), however wrapped. */
export function databaseFailureKind(error: unknown): string | null {
  for (let current = error; current && typeof current === "object";) {
    const { code, kind, meta, cause } = current as {
      code?: unknown;
      kind?: unknown;
      meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
      cause?: unknown;
    };
    const adapterKind = meta?.driverAdapterError?.cause?.kind;
    if (typeof adapterKind === "string") return adapterKind;
    if (typeof kind === "string" && kind.startsWith("Database")) return kind;
    if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "P1001") {
      return "DatabaseNotReachable";
    }
    current = cause;
  }
  return null;
}

/** True when the database could not be reached or opened at all (rather than a query failing). */
export function databaseUnreachable(error: unknown): boolean {
  const kind = databaseFailureKind(error);
  return (
    kind === "DatabaseNotReachable" ||
    kind === "DatabaseDoesNotExist" ||
    kind === "DatabaseAccessDenied" ||
    kind === "AuthenticationFailed" ||
    kind === "SocketTimeout"
  );
}

/** One line: the error's class and its most telling line, with anything URL-shaped removed. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return "unknown error";

  const kind = databaseFailureKind(error);
  const lines = error.message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const telling = (lines.at(-1) ?? "").replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "<url>");
  return [kind ?? error.name, telling].filter(Boolean).join(": ").slice(0, 240);
}
