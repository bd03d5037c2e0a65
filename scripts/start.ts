// `npm start` / `npm run dev`: the whole shop from one command on a fresh machine.
// - DATABASE_URL unset: starts the embedded PostgreSQL (data kept in .data/), applies the
//   migrations and seeds an empty catalog. Set: only applies the migrations.
// - No Stripe keys at all: starts the local Stripe emulator, forwards its webhooks to the app
//   and points stripe-node and Stripe.js at it. Keys set: nothing of the emulator is used.
// Then builds the app when its sources changed (start) and runs Next.js.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

import {
  resolveDataDir,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "../lib/db/embedded-postgres";
import { ensureDatabase, migrateDeploy } from "../lib/db/migrate";

import { emulatorSettings, LOCAL, usesEmulator } from "./local-mode";
import { buildIfStale, nextBin, nextStartEnv } from "./next-build";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const root = process.cwd();
const say = (line: string) => process.stdout.write(`[checkout] ${line}\n`);

async function prepareDatabase(): Promise<EmbeddedDatabase | null> {
  if (process.env.DATABASE_URL) {
    say("DATABASE_URL is set: applying migrations to that server");
    await migrateDeploy(process.env.DATABASE_URL, root);
    return null;
  }

  const dataDir = resolveDataDir(LOCAL.dataDir(root));
  // The browser tests ask for an empty database on every run.
  if (process.env.CHECKOUT_FRESH_DATA === "1") rmSync(dataDir, { recursive: true, force: true });
  say(`starting the embedded PostgreSQL (data in ${dataDir})`);
  const database = await startEmbeddedPostgres({
    dataDir,
    port: LOCAL.databasePort,
  });
  await ensureDatabase(database.adminUrl, LOCAL.databaseName);
  process.env.DATABASE_URL = database.databaseUrl(LOCAL.databaseName);
  await migrateDeploy(process.env.DATABASE_URL, root);

  const { getDb } = await import("../lib/db/client");
  const { seedCatalogIfEmpty } = await import("../lib/catalog/seed-catalog");
  const seeded = await seedCatalogIfEmpty(getDb());
  if (seeded) say(`seeded the catalog with ${seeded} products`);
  await getDb().$disconnect();

  return database;
}

async function prepareStripe(): Promise<{ stop(): Promise<void> } | null> {
  if (!usesEmulator()) {
    say("Stripe keys are set: the local emulator is not used");
    return null;
  }

  const emulator = await import("../stripe-emulator/src/index");
  const instance = await emulator.startStripeEmulator({
    port: LOCAL.emulatorPort,
    forwardTo: `http://127.0.0.1:${port}/api/payments/webhook`,
  });
  Object.assign(process.env, emulatorSettings(instance.url, instance.webhookSecret));
  say(`no Stripe keys: local Stripe emulator at ${instance.url}, no real payments`);

  return instance;
}

function run(args: string[]): ChildProcess {
  return spawn(nextBin(root), args, {
    cwd: root,
    env: dev ? process.env : nextStartEnv(process.env),
    stdio: "inherit",
  });
}

async function exitCode(child: ChildProcess): Promise<number> {
  return new Promise((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
  );
}

async function main(): Promise<void> {
  // Stripe first: seeding the catalog reads the whole configuration, emulator keys included.
  const emulator = await prepareStripe();
  const database = await prepareDatabase();
  const stopAll = async () => {
    await emulator?.stop();
    await database?.stop();
  };

  const built = dev ? 0 : await buildIfStale(root, say);
  if (built !== 0) {
    await stopAll();
    process.exit(built);
  }

  say(`serving http://localhost:${port}`);
  const server = run(dev ? ["dev", "-p", String(port)] : ["start", "-p", String(port)]);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }

  const code = await exitCode(server);
  await stopAll();
  process.exit(code);
}

main().catch((error: unknown) => {
  process.stderr.write(`[checkout] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
