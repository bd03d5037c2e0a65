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
