// `npm run ops` with no settings talks to the local shop of `npm start` (embedded PostgreSQL
// and Stripe emulator), so an on-call engineer can rehearse the runbook on a laptop.
import { emulatorSettings, LOCAL, localDatabaseUrl, usesEmulator } from "../scripts/local-mode";

/** Fills in the local shop's settings where none are set; answers the line that says so. */
export function applyLocalDefaults(env: Record<string, string | undefined>): string | null {
  const used: string[] = [];
  if (!env.DATABASE_URL?.trim()) {
    env.DATABASE_URL = localDatabaseUrl();
    used.push(`database 127.0.0.1:${LOCAL.databasePort}/${LOCAL.databaseName}`);
  }
  if (usesEmulator(env as NodeJS.ProcessEnv)) {
    const url = `http://127.0.0.1:${LOCAL.emulatorPort}`;
    for (const [name, value] of Object.entries(emulatorSettings(url))) env[name] ??= value;
    used.push(`Stripe emulator ${url}`);
  }
  if (used.length === 0) return null;

  return `ops: no DATABASE_URL or Stripe keys set: using the local shop (${used.join(", ")})`;
}
