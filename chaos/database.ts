// The suite's PostgreSQL: one embedded server on a fixed port and data folder, so it can be
// stopped and started again under running app processes, with a migrated and seeded template
// from which each scenario clones a database of its own.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";

import { seedCatalogIfEmpty } from "../lib/catalog/seed-catalog";
import {
  freePort,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "../lib/db/embedded-postgres";
import { ensureDatabase, migrateDeploy } from "../lib/db/migrate";

const TEMPLATE = "chaos_template";

export class ChaosDatabase {
  private server: EmbeddedDatabase | null = null;
  restarts = 0;

  private constructor(
    private readonly dataDir: string,
    private readonly port: number,
    private readonly onLog: (line: string) => void,
  ) {}

  static async start(dataDir: string, onLog: (line: string) => void): Promise<ChaosDatabase> {
    const database = new ChaosDatabase(dataDir, await freePort(), onLog);
    await database.up();
    await database.prepareTemplate();
    return database;
  }

  get running(): boolean {
    return this.server !== null;
  }

  urlOf(name: string): string {
    return `postgresql://postgres:postgres@127.0.0.1:${this.port}/${encodeURIComponent(name)}`;
  }

  /** A database for one scenario, cloned from the migrated and seeded template. */
  async createScenarioDatabase(name: string): Promise<string> {
    await ensureDatabase(this.urlOf("postgres"), name, TEMPLATE);
    return this.urlOf(name);
  }

  /** A fast shutdown (open transactions roll back, clients are cut off), as a failover does. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.stop();
  }

  async restart(downMs: number): Promise<void> {
    await this.stop();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.up();
    this.restarts++;
  }

  private async up(): Promise<void> {
    // Kept on disk across stops: the restart must find the data it had.
    this.server = await startEmbeddedPostgres({
      dataDir: this.dataDir,
      port: this.port,
      persistent: true,
      onLog: this.onLog,
    });
  }

  private async prepareTemplate(): Promise<void> {
    // The data is thrown away after the run; durability on disk would only slow the suite.
    await sql(this.urlOf("postgres"), [
      "ALTER SYSTEM SET fsync = off",
      "ALTER SYSTEM SET synchronous_commit = off",
      "SELECT pg_reload_conf()",
    ]);
    await ensureDatabase(this.urlOf("postgres"), TEMPLATE);
    await migrateDeploy(this.urlOf(TEMPLATE));

    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: this.urlOf(TEMPLATE) }),
    });
    try {
      await seedCatalogIfEmpty(prisma);
    } finally {
      await prisma.$disconnect();
    }
  }
}

async function sql(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
