// The database goes away in the middle of a webhook delivery: we answer 5xx so that Stripe
// retries, and when the database is back the redelivered event is applied. Nothing is lost.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as healthRoute from "@/app/api/health/route";
import * as intentRoute from "@/app/api/payments/[cartId]/intent/route";
import { seedCatalogIfEmpty } from "@/lib/catalog/seed-catalog";
import { resetConfigForTests } from "@/lib/config/config";
import { getDb, resetDbForTests } from "@/lib/db/client";
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { ensureDatabase, migrateDeploy } from "@/lib/db/migrate";

import { callRoute } from "../helpers/call-route";
import { cartReadyToPay, usePaymentsHarness } from "../helpers/payments-harness";
import { TEST_STRIPE_ENV } from "../helpers/test-env";

const runDir = mkdtempSync(path.join(os.tmpdir(), "checkout-outage-"));
chmodSync(runDir, 0o755);
const dataDir = path.join(runDir, "pg");
let port: number;
// Persistent, so that stopping the server keeps the data for its restart.
let server: EmbeddedDatabase;

beforeAll(async () => {
  port = await freePort();
  server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  await ensureDatabase(server.adminUrl, "checkout");
  await migrateDeploy(server.databaseUrl("checkout"));
  Object.assign(process.env, TEST_STRIPE_ENV, { DATABASE_URL: server.databaseUrl("checkout") });
  resetConfigForTests();
  await seedCatalogIfEmpty(getDb());
});

const harness = usePaymentsHarness();

afterAll(async () => {
  await resetDbForTests();
  await server?.stop();
  rmSync(runDir, { recursive: true, force: true });
});

describe("database outage during webhooks", () => {
  it("answers 5xx while the database is down and applies the redelivered event afterwards", async () => {
    const cart = await cartReadyToPay();
    const { body } = await callRoute(intentRoute.POST, {
      method: "POST",
      params: { cartId: cart.id },
    });
    harness.emulator.hold();
    await harness.stripe.paymentIntents.confirm(body.paymentIntentId, {
      payment_method: "pm_card_visa",
    });
    const succeeded = harness.emulator
      .events()
      .find((event) => event.type === "payment_intent.succeeded")!;

    // The database stops with the event still unprocessed; Stripe's first delivery fails.
    await server.stop();
    const [firstAttempt] = await harness.emulator.resend(succeeded.id);
    const health = await callRoute(healthRoute.GET);
    expect(firstAttempt?.status).toBe(500);
    expect(health.status).toBe(503);
    expect(health.body.database.reachable).toBe(false);

    // The database comes back; Stripe's redelivery of the held events now goes through.
    server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    harness.emulator.release();
    await harness.emulator.settled();
    const [redelivered] = await harness.emulator.resend(succeeded.id);

    const orders = await getDb().paymentOrder.findMany({
      where: { paymentIntentId: body.paymentIntentId },
    });
    expect(orders.map((order) => order.status)).toEqual(["Paid"]);
    expect(await getDb().cart.findUnique({ where: { id: cart.id } })).toBeNull();
    expect(redelivered?.status).toBe(200);
    const inbox = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: succeeded.id } });
    expect(inbox.state).toBe("Processed");
    expect(
      await getDb().webhookEvent.count({ where: { state: { in: ["Pending", "Failed"] } } }),
    ).toBe(0);
  });
});
