import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";

import { getConfig } from "@/lib/config/config";

// One client per process (Next's dev server reloads modules, so it is kept on globalThis).
const holder = globalThis as typeof globalThis & { checkoutPrisma?: PrismaClient };

/** Connections per app process: enough for two cores' worth of concurrent requests. */
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);

export function getDb(): PrismaClient {
  holder.checkoutPrisma ??= createDb(getConfig().databaseUrl, POOL_SIZE);
  return holder.checkoutPrisma;
}

/** A client of its own for `connectionString`, with `poolSize` connections at most. */
export function createDb(connectionString: string, poolSize: number): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: poolSize, connectionTimeoutMillis: 5_000 }),
    // Under a burst, requests queue for a pooled connection; waiting beats failing with 500.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Test files point the app at their own database; this forgets the previous client. */
export async function resetDbForTests(): Promise<void> {
  await holder.checkoutPrisma?.$disconnect();
  holder.checkoutPrisma = undefined;
}
