// Entry point of `npm run ops`. Settings are completed before the app's modules load (the logger
// reads LOG_LEVEL once), and the app's log lines go to stderr so stdout carries only results.
import { applyLocalDefaults } from "./local-defaults";

const note = applyLocalDefaults(process.env);
if (note) process.stderr.write(`${note}\n`);
process.env.LOG_LEVEL ??= "warn";

const { setLogTarget } = await import("@/lib/log/logger");
const { runOps } = await import("./run");
const { getDb } = await import("@/lib/db/client");

setLogTarget(process.stderr);
const code = await runOps(process.argv.slice(2));
await getDb()
  .$disconnect()
  .catch(() => undefined);
process.stdout.write("", () => process.exit(code));
