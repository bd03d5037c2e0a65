// One embedded PostgreSQL for the whole test run, with a migrated template database from which
// each test file clones its own database (see helpers/test-database.ts).
import { chmodSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { TestProject } from "vitest/node";

import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { ensureDatabase, migrateDeploy } from "../lib/db/migrate";

export const TEMPLATE_DATABASE = "checkout_template";

declare module "vitest" {
  export interface ProvidedContext {
    databaseAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = mkdtempSync(path.join(os.tmpdir(), "checkout-test-"));
  // As root, PostgreSQL runs as the OS user `postgres`, which must be able to enter this folder.
  chmodSync(runDir, 0o755);
  const dataDir = path.join(runDir, "pg");
  const database = await startEmbeddedPostgres({ dataDir, persistent: false });
  await ensureDatabase(database.adminUrl, TEMPLATE_DATABASE);
  await migrateDeploy(database.databaseUrl(TEMPLATE_DATABASE));
  project.provide("databaseAdminUrl", database.adminUrl);

  return () => database.stop();
}
