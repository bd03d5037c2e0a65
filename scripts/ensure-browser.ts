// Makes sure the browser tests have a Chromium: Playwright's own download where the network
// allows it, Debian's `chromium` package through apt otherwise.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

import { chromium } from "@playwright/test";

import { SYSTEM_CHROMIUM } from "../e2e/browser";

const say = (line: string) => process.stdout.write(`[browser] ${line}\n`);

function ok(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "inherit", timeout: 10 * 60_000 }).status === 0;
}

function hasBrowser(): boolean {
  return existsSync(chromium.executablePath()) || existsSync(SYSTEM_CHROMIUM);
}

if (hasBrowser()) process.exit(0);

say("no Chromium found: trying Playwright's download");
if (ok("npx", ["playwright", "install", "chromium"]) && hasBrowser()) process.exit(0);

if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  say("installing Debian's chromium with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  if (hasBrowser()) process.exit(0);
}

process.stderr.write(
  "[browser] no Chromium for the browser tests: run `sudo apt-get install chromium` " +
    "or `npx playwright install chromium`\n",
);
process.exit(1);
