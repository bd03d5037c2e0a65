// `npm run bench`: throughput and latency of the webhook and intent endpoints on the production
// build with a real PostgreSQL and the Stripe emulator, beside a bare baseline measured in the
// same run; the payment page's first-load JavaScript; the app's memory afterwards.
// Loopback only; every load is bounded in time. Prints a table and writes bench/results/.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

import autocannon from "autocannon";
import pg from "pg";

import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { ensureDatabase, migrateDeploy } from "../lib/db/migrate";
import { emulatorSettings } from "../scripts/local-mode";
import { buildIfStale, nextBin, nextStartEnv } from "../scripts/next-build";

import { signatureHeader, succeededEvent } from "./signed-events";

const root = process.cwd();
const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const APP_PORT = 3300;
const BASELINE_PORT = 3301;
const EMULATOR_PORT = 3302;
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface Figures {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(
  url: string,
  setupRequest: (request: autocannon.Request) => autocannon.Request,
  seconds = SECONDS,
  method: "GET" | "POST" = "POST",
): Promise<Figures> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method, setupRequest }],
  });
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * Each request pays one of `cartIds` (ours then locks, reads and deletes that cart, as in a real
 * checkout); once they are used up, the carts are gone and orders come from the intent alone.
 */
function webhookRequests(secret: string, cartIds: string[]) {
  const runId = randomBytes(4).toString("hex");
  let index = 0;
  return (request: autocannon.Request): autocannon.Request => {
    const cartId = cartIds[index % cartIds.length]!;
    const payload = JSON.stringify(succeededEvent(runId, index++, cartId));
    return {
      ...request,
      path: "/api/payments/webhook",
      headers: {
        "content-type": "application/json",
        "stripe-signature": signatureHeader(payload, secret),
      },
      body: payload,
    };
  };
}

/** Carts ready to pay, inserted directly: the intent benchmark creates one intent per request. */
async function insertCarts(client: pg.Client, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomBytes(16).toString("base64url"));
  await client.query(
    `INSERT INTO "Cart" (id, "userId", version, email, name, "addressLine1", city, "postalCode",
       country, "updatedAt")
     SELECT id, 'bench-shopper', 3, 'bench@example.com', 'Bench Shopper', 'Via Roma 1', 'Torino',
       '10121', 'IT', now() FROM unnest($1::text[]) AS id`,
    [ids],
  );
  await client.query(
    `INSERT INTO "CartLine" ("cartId", "productId", quantity)
     SELECT id, p, 1 FROM unnest($1::text[]) AS id, unnest(ARRAY['espresso-cup', 'moka-pot']) AS p`,
    [ids],
  );
  return ids;
}

/** How many of these carts were paid (deleted) by now. */
async function cartsPaid(client: pg.Client, cartIds: string[]): Promise<number> {
  const { rows } = await client.query<{ left: number }>(
    'SELECT count(*)::int AS left FROM "Cart" WHERE id = ANY($1::text[])',
    [cartIds],
  );
  return cartIds.length - rows[0]!.left;
}

/** Next.js's own floor on this machine: a route handler that answers a constant script. */
function floorRequests(request: autocannon.Request): autocannon.Request {
  return { ...request, path: "/assets/env.js" };
}

function intentRequests(cartIds: string[]) {
  let index = 0;
  return (request: autocannon.Request): autocannon.Request => {
    const cartId = cartIds[index++ % cartIds.length];
    return { ...request, path: `/api/payments/${cartId}/intent` };
  };
}

/** Waits until `url` answers (with any status when `anyStatus`, else with a 2xx). */
async function waitFor(url: string, { anyStatus = false, timeoutMs = 60_000 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => anyStatus || response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * The payment page's JavaScript as a first visit downloads it, gzip-compressed. Next's legacy
 * polyfills carry `noModule`, which every browser that runs the app skips without fetching.
 */
async function paymentPageJavaScript(
  baseUrl: string,
  cartId: string,
): Promise<{ files: number; kB: number }> {
  const html = await fetch(`${baseUrl}/checkout/payment`, {
    headers: { cookie: `checkout_cart=${cartId}; checkout_uid=bench-shopper` },
  }).then((response) => response.text());
  const sources = [...html.matchAll(/<script([^>]+)src="([^"]+)"([^>]*)>/g)]
    .filter((match) => !/\bnomodule\b/i.test(`${match[1]} ${match[3]}`))
    .map((match) => match[2]!)
    .filter((src) => src.startsWith("/"));
  let bytes = 0;
  for (const src of new Set(sources)) {
    const body = Buffer.from(await (await fetch(`${baseUrl}${src}`)).arrayBuffer());
    bytes += gzipSync(body).length;
  }
  return { files: new Set(sources).size, kB: Math.round((bytes / 1024) * 10) / 10 };
}

/** Resident memory of a process and its children, from /proc. */
function residentMegabytes(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we were looking.
    }
  }
  let kilobytes = 0;
  for (const queue = [pid]; queue.length > 0;) {
    const current = queue.pop()!;
    const status = readFileSync(`/proc/${current}/status`, "utf8");
    kilobytes += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    queue.push(...(children.get(current) ?? []));
  }
  return Math.round(kilobytes / 1024);
}

function start(
  command: string,
  args: string[],
  env: Record<string, string | undefined>,
): ChildProcess {
  return spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

async function main(): Promise<void> {
  if ((await buildIfStale(root, say)) !== 0) throw new Error("next build failed");

  const runDir = mkdtempSync(path.join(os.tmpdir(), "checkout-bench-"));
  chmodSync(runDir, 0o755);
  const database = await startEmbeddedPostgres({
    dataDir: path.join(runDir, "pg"),
    persistent: false,
  });
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  // The emulator stands for Stripe's servers: a process of its own, not sharing the load
  // generator's event loop.
  const processes: ChildProcess[] = [
    start(tsx, ["stripe-emulator/src/cli.ts", "--port", String(EMULATOR_PORT)], {}),
  ];
  const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
  try {
    await waitFor(emulatorUrl, { anyStatus: true });
    await ensureDatabase(database.adminUrl, "checkout");
    const databaseUrl = database.databaseUrl("checkout");
    await migrateDeploy(databaseUrl, root);
    const settings = {
      ...emulatorSettings(emulatorUrl),
      DATABASE_URL: databaseUrl,
    };
    const seed = await import("../lib/catalog/seed-catalog");
    Object.assign(process.env, settings);
    const { getDb } = await import("../lib/db/client");
    await seed.seedCatalogIfEmpty(getDb());
    await getDb().$disconnect();

    say("starting the app (next start) and the baseline server");
    const app = start(
      nextBin(root),
      ["start", "-p", String(APP_PORT)],
      nextStartEnv({ ...process.env, ...settings, LOG_LEVEL: "warn" }),
    );
    const baseline = start(tsx, ["bench/baseline-server.ts"], {
      ...settings,
      PORT: String(BASELINE_PORT),
    });
    processes.push(app, baseline);
    const appUrl = `http://127.0.0.1:${APP_PORT}`;
    const baselineUrl = `http://127.0.0.1:${BASELINE_PORT}`;
    await waitFor(`${appUrl}/api/health`);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // The benchmark's own SQL (carts in, carts left), beside the app's pool.
    const sql = new pg.Client({ connectionString: databaseUrl });
    await sql.connect();
    const cartIds = await insertCarts(sql, 6000);
    // More than the webhook runs can pay at twice the rate measured here.
    const webhookCartIds = await insertCarts(sql, 20_000);
    say("warming up");
    await load(
      appUrl,
      webhookRequests(settings.STRIPE_WEBHOOK_SECRET, webhookCartIds.splice(0, 3000)),
      3,
    );
    await load(baselineUrl, webhookRequests(settings.STRIPE_WEBHOOK_SECRET, cartIds), 3);
    await load(appUrl, intentRequests(cartIds.splice(0, 500)), 3);
    await load(appUrl, floorRequests, 2, "GET");

    say(`measuring, ${SECONDS} s per run at ${CONNECTIONS} connections`);
    const webhook = await load(
      appUrl,
      webhookRequests(settings.STRIPE_WEBHOOK_SECRET, webhookCartIds),
    );
    const paidCarts = await cartsPaid(sql, webhookCartIds);
    await sql.end();
    const bare = await load(baselineUrl, webhookRequests(settings.STRIPE_WEBHOOK_SECRET, cartIds));
    const intent = await load(appUrl, intentRequests(cartIds));
    const floor = await load(appUrl, floorRequests, SECONDS, "GET");
    const javascript = await paymentPageJavaScript(appUrl, cartIds[0]!);
    const memory = residentMegabytes(app.pid!);

    const ratio = Math.round((webhook.rps / bare.rps) * 100);
    const rows = [
      ["webhook (ours)", webhook],
      ["webhook (baseline)", bare],
      ["intent (ours)", intent],
      ["Next.js floor: GET /assets/env.js", floor],
    ] as const;
    const table = [
      "| endpoint | requests | req/s | p50 ms | p99 ms | errors |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...rows.map(
        ([name, f]) => `| ${name} | ${f.requests} | ${f.rps} | ${f.p50} | ${f.p99} | ${f.errors} |`,
      ),
      "",
      `webhook throughput, ours / baseline: ${ratio}% (target ≥ 60%)`,
      `carts paid by the webhook run (each locked, read and deleted): ${paidCarts}`,
      `payment page first-load JavaScript: ${javascript.kB} kB gzip in ${javascript.files} files (target < 150)`,
      `app resident memory after the run: ${memory} MB (target < 300)`,
    ].join("\n");
    process.stdout.write(`${table}\n`);

    mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    const figures = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      connections: CONNECTIONS,
      seconds: SECONDS,
      webhook,
      baseline: bare,
      webhookRatioPercent: ratio,
      webhookCartsPaid: paidCarts,
      intent,
      nextFloor: floor,
      paymentPageJavaScript: javascript,
      appResidentMegabytes: memory,
    };
    writeFileSync(
      path.join(root, "bench", "results", "latest.json"),
      `${JSON.stringify(figures, null, 2)}\n`,
    );
  } finally {
    for (const child of processes) child.kill("SIGTERM");
    await database.stop();
    rmSync(runDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`[bench] ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
