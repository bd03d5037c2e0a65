// The Node.js half of instrumentation.ts: a wrong setting, or a database that cannot be used,
// stops the server with one line naming the cause. Kept out of instrumentation.ts so that the
// Edge build of that file never sees Node.js APIs.
import { ConfigError, getConfig } from "@/lib/config/config";
import { getDb } from "@/lib/db/client";
import { createLogger } from "@/lib/log/logger";

import { checkStartup } from "./check-startup";

export async function onServerStart(): Promise<void> {
  try {
    getConfig();
    await checkStartup(getDb());
  } catch (error) {
    const line =
      error instanceof ConfigError
        ? `Configuration error: ${error.message}`
        : `Start-up failed: ${firstLine(error)}`;
    createLogger("startup").fatal(line);
    process.stderr.write(`${line}\n`);
    process.exit(1);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().split("\n").at(-1)?.trim() || text;
}
