// Builds the production app when its sources are newer than the last build, so `npm start`,
// the chaos suite and the benchmark never run a stale build nor rebuild for nothing.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "lib",
  "components",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
];

function newestSource(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;

  return Math.max(0, ...readdirSync(entry).map((name) => newestSource(path.join(entry, name))));
}

export function needsBuild(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;

  const newest = Math.max(...SOURCES.map((entry) => newestSource(path.join(root, entry))));
  return newest > statSync(buildId).mtimeMs;
}

/**
 * The heap limit of the production server, in MB. Without one, V8 sizes its heap for the
 * machine's memory and grows it lazily: 335–353 MB resident after the benchmark. With any limit
 * from 192 to 768 it stays near 200 MB, at the price of more garbage collection: the intent
 * endpoint serves about a tenth fewer requests per second when the CPU is saturated. Rendering
 * pages at 32 connections, a 64 MB limit runs out of memory and 96 MB is enough; 384 leaves four
 * times that. A --max-old-space-size of your own in NODE_OPTIONS wins.
 */
const SERVER_HEAP_MB = 384;

/** The environment for `next start`: `env` with the server's heap limit added to NODE_OPTIONS. */
export function nextStartEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const options = env.NODE_OPTIONS ?? "";
  if (/--max[-_]old[-_]space[-_]size/.test(options)) return env;

  return {
    ...env,
    NODE_OPTIONS: `${options} --max-old-space-size=${SERVER_HEAP_MB}`.trim(),
  };
}

export function nextBin(root: string): string {
  return path.join(root, "node_modules", ".bin", "next");
}

/** Runs `next build` if needed; resolves with its exit code (0 when nothing had to be built). */
export async function buildIfStale(root: string, say: (line: string) => void): Promise<number> {
  if (!needsBuild(root)) return 0;

  say("building the app (next build)");
  const child = spawn(nextBin(root), ["build"], { cwd: root, env: process.env, stdio: "inherit" });
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}
