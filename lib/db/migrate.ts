import { spawn } from "node:child_process";
import path from "node:path";

/** Applies the committed migrations with `prisma migrate deploy`, as a deployment does. */
export async function migrateDeploy(databaseUrl: string, cwd = process.cwd()): Promise<void> {
  const prisma = path.join(cwd, "node_modules", ".bin", "prisma");
  const output: Buffer[] = [];
  const child = spawn(prisma, ["migrate", "deploy"], {
    cwd,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => output.push(chunk));

  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${Buffer.concat(output).toString()}`);
  }
}

/** Creates `name` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount) return;

    const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;
    await client.query(
      `CREATE DATABASE ${quoted(name)}${template ? ` TEMPLATE ${quoted(template)}` : ""}`,
    );
  } finally {
    await client.end();
  }
}
