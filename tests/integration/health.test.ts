import { describe, expect, it } from "vitest";

import * as healthRoute from "@/app/api/health/route";
import * as webhookRoute from "@/app/api/payments/webhook/route";

import { callRoute } from "../helpers/call-route";
import { useTestDatabase } from "../helpers/test-database";
import { TEST_STRIPE_ENV } from "../helpers/test-env";

const db = useTestDatabase();

describe("GET /api/health", () => {
  it("reports the database, the mode, the settings' shape and no webhook yet", async () => {
    const { status, body } = await callRoute(healthRoute.GET);

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "ok",
      database: { reachable: true },
      stripe: { mode: "test", emulator: false },
      config: { STRIPE_SECRET_KEY: "ok", STRIPE_WEBHOOK_SECRET: "ok", STRIPE_CURRENCY: "ok" },
      webhooks: {
        lastReceivedAt: null,
        inbox: { pending: 0, failed: 0 },
        signatureFailuresLastHour: { total: 0, byCause: {} },
      },
    });
  });

  it("shows the last webhook, the inbox backlog and recent signature failures by cause", async () => {
    await db.query(
      `INSERT INTO "WebhookEvent" (id, type, payload, state, "receivedAt")
       VALUES ('evt_a', 'payment_intent.succeeded', '{}', 'Failed', now() - interval '2 minutes'),
              ('evt_b', 'payment_intent.processing', '{}', 'Pending', now() - interval '1 minute')`,
    );
    await callRoute(webhookRoute.POST, { method: "POST", body: "{}" });
    await callRoute(webhookRoute.POST, {
      method: "POST",
      body: "{}",
      headers: { "stripe-signature": "t=1,v1=00" },
    });

    const { body } = await callRoute(healthRoute.GET);

    expect(body.webhooks.lastReceivedAgeSeconds).toBeGreaterThanOrEqual(59);
    expect(body.webhooks.inbox).toEqual({ pending: 1, failed: 1 });
    expect(body.webhooks.signatureFailuresLastHour).toEqual({
      total: 2,
      byCause: { missing_header: 1, no_matching_signature: 1 },
    });
  });

  it("never shows a secret", async () => {
    const { body } = await callRoute(healthRoute.GET);

    const text = JSON.stringify(body);
    for (const secret of Object.values(TEST_STRIPE_ENV).filter((value) => value.length > 10)) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain("postgres:postgres");
  });
});
