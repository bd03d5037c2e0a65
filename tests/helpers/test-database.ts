import { randomBytes } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";

import { seedCatalogIfEmpty } from "@/lib/catalog/seed-catalog";
import { getDb, resetDbForTests } from "@/lib/db/client";
import { resetConfigForTests } from "@/lib/config/config";
import { ensureDatabase } from "@/lib/db/migrate";

import { TEMPLATE_DATABASE } from "../global-setup";
import { TEST_STRIPE_ENV } from "./test-env";

export interface TestDatabase {
  url: string;
  /** Plain SQL access for assertions that must not go through the code under test. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    values?: unknown[],
  ): Promise<R[]>;
}

/**
 * Gives the calling test file a database of its own, cloned from the migrated template and
 * seeded with the catalog, and points the app's configuration at it.
 */
export function useTestDatabase(env: Record<string, string> = {}): TestDatabase {
  const adminUrl = inject("databaseAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });

  beforeAll(async () => {
    await ensureDatabase(adminUrl, name, TEMPLATE_DATABASE);
    Object.assign(process.env, TEST_STRIPE_ENV, { DATABASE_URL: url.toString() }, env);
    resetConfigForTests();
    await seedCatalogIfEmpty(getDb());
  });

  afterAll(async () => {
    await pool.end();
    await resetDbForTests();
  });

  return {
    url: url.toString(),
    query: async (sql, values) => (await pool.query(sql, values)).rows,
  };
}
