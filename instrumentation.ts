// Runs once when the server starts: a wrong setting stops it with one line naming the variable.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;

  const { ConfigError, getConfig } = await import("@/lib/config/config");
  const { getDb } = await import("@/lib/db/client");
  const { checkStartup } = await import("@/lib/startup/check-startup");
  const { createLogger } = await import("@/lib/log/logger");
  const log = createLogger("startup");

  try {
    getConfig();
    await checkStartup(getDb());
  } catch (error) {
    const line =
      error instanceof ConfigError
        ? `Configuration error: ${error.message}`
        : `Start-up failed: ${firstLine(error)}`;
    log.fatal(line);
    process.stderr.write(`${line}\n`);
    process.exit(1);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().split("\n").at(-1)?.trim() || text;
}
