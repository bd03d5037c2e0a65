// Which Chromium the browser tests drive: Playwright's own where it could be downloaded,
// otherwise Debian's package (these machines cannot download browsers).
import { existsSync } from "node:fs";

import { chromium } from "@playwright/test";

export const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export function chromiumExecutable(): string | undefined {
  const own = chromium.executablePath();
  if (own && existsSync(own)) return undefined;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;

  return undefined;
}

/** Flags for running as root in a container with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
