import { describeConfig, getConfig } from "@/lib/config/config";
import type { Db } from "@/lib/db/client";
import { webhookHealth, type WebhookHealth } from "@/lib/webhooks/webhook-health";

export interface HealthReport {
  status: "ok" | "degraded";
  database: { reachable: boolean; error?: string };
  stripe: { mode: string; emulator: boolean };
  config: ReturnType<typeof describeConfig>;
  /** Null when the database cannot be read. */
  webhooks: WebhookHealth | null;
}

export async function checkHealth(db: Db): Promise<HealthReport> {
  const config = getConfig();
  const database = await pingDatabase(db);
  const webhooks = database.reachable ? await webhookHealth(db).catch(() => null) : null;

  return {
    status: database.reachable ? "ok" : "degraded",
    database,
    stripe: { mode: config.stripe.mode, emulator: config.stripe.apiBase !== null },
    config: describeConfig(),
    webhooks,
  };
}

async function pingDatabase(db: Db): Promise<HealthReport["database"]> {
  try {
    await db.$queryRaw`SELECT 1`;
    return { reachable: true };
  } catch (error) {
    // The error's class says enough (refused, timeout); its message may carry the URL.
    return { reachable: false, error: error instanceof Error ? error.name : "unknown" };
  }
}
