// What the runbook's case 1 (webhooks not received) needs to see at a glance.
import type { Db } from "@/lib/db/client";

export interface WebhookHealth {
  lastReceivedAt: string | null;
  lastReceivedAgeSeconds: number | null;
  inbox: { pending: number; failed: number };
  signatureFailuresLastHour: { total: number; byCause: Record<string, number> };
}

export async function webhookHealth(db: Db, now = new Date()): Promise<WebhookHealth> {
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);
  const [last, states, failures] = await Promise.all([
    db.webhookEvent.findFirst({ orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
    db.webhookEvent.groupBy({
      by: ["state"],
      where: { state: { in: ["Pending", "Failed"] } },
      _count: { _all: true },
    }),
    db.webhookSignatureFailure.groupBy({
      by: ["cause"],
      where: { minute: { gte: hourAgo } },
      _sum: { count: true },
    }),
  ]);

  const countOf = (state: string) => states.find((row) => row.state === state)?._count._all ?? 0;
  const byCause = Object.fromEntries(failures.map((row) => [row.cause, row._sum.count ?? 0]));
  const lastAt = last?.receivedAt ?? null;

  return {
    lastReceivedAt: lastAt?.toISOString() ?? null,
    lastReceivedAgeSeconds: lastAt ? Math.round((now.getTime() - lastAt.getTime()) / 1000) : null,
    inbox: { pending: countOf("Pending"), failed: countOf("Failed") },
    signatureFailuresLastHour: {
      total: Object.values(byCause).reduce((sum, count) => sum + count, 0),
      byCause,
    },
  };
}
