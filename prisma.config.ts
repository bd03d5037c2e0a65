// Prisma 6.19's migrate commands normally download a native schema engine, which these
// machines cannot fetch. With `engine: "js"` they run the bundled WebAssembly engine through
// a driver adapter instead; this file is the whole workaround, and it fixes three faults of
// that path with the stock @prisma/adapter-pg:
// - the engine's introspection reads `name`/`char` columns whose type the adapter rejects
//   (Prisma issue 27403): the pg client reports those columns as text;
// - `migrate dev` needs a shadow database the adapter must create and drop itself;
// - the CLI would not exit until a long timer of the engine fires, nor while pg holds idle
//   connections: such timers are unref'd and the pool may exit when idle;
// - `prisma generate` (run by `npm ci` through our postinstall script) checks for a native
//   query engine that the `engineType = "client"` runtime never loads, and would download
//   one: naming any existing file as that engine skips the download.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { defineConfig } from "prisma/config";

process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "prisma/schema.prisma";

// char, name, regproc, pg_node_tree, and the char[] and name[] arrays, reported as text types.
const AS_TEXT: Record<number, number> = { 18: 25, 19: 25, 24: 25, 194: 25, 1002: 1009, 1003: 1009 };

type Result = { fields?: { dataTypeID: number }[] } | undefined;

function relabel(result: Result): Result {
  for (const field of result?.fields ?? []) {
    field.dataTypeID = AS_TEXT[field.dataTypeID] ?? field.dataTypeID;
  }
  return result;
}

class IntrospectionClient extends pg.Client {
  // pg's overloads cannot be restated in a subclass; this one only relabels result columns,
  // for both the promise form and the callback form that pg.Pool#query uses.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: Error | null, result: Result) =>
        callback(error, relabel(result));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const returned = (super.query as any)(...args);

    return returned instanceof Promise ? returned.then(relabel) : returned;
  }
}

function pool(connectionString: string): pg.Pool {
  return new pg.Pool({
    connectionString,
    allowExitOnIdle: true,
    idleTimeoutMillis: 500,
    max: 2,
    Client: IntrospectionClient,
  });
}

const LONG_TIMER_MS = 5_000;
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
  const timer = setTimeoutOriginal(handler, ms, ...rest);
  if ((ms ?? 0) >= LONG_TIMER_MS) (timer as unknown as NodeJS.Timeout).unref();
  return timer;
}) as typeof setTimeout;

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");

  return url;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = requireDatabaseUrl();
    const main = new PrismaPg(pool(url));

    return {
      provider: main.provider,
      adapterName: main.adapterName,
      connect: () => main.connect(),
      async connectToShadowDb() {
        // pg ignores a `database` option beside a connection string, so build the shadow URL.
        const name = `prisma_shadow_${process.pid}_${Date.now()}`;
        const shadowUrl = new URL(url);
        shadowUrl.pathname = `/${name}`;
        const admin = pool(url);
        await admin.query(`CREATE DATABASE "${name}"`);
        const shadowPool = pool(shadowUrl.toString());
        const adapter = await new PrismaPg(shadowPool).connect();
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await dispose();
          await shadowPool.end();
          await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await admin.end();
        };

        return adapter;
      },
    };
  },
});
