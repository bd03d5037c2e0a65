// `npm run ops -- <command>`: parses the command line, runs one command and maps what went
// wrong to an exit code and one clear line. Tests call runOps in-process with their own streams.
import { parseArgs, type ParseArgsConfig } from "node:util";

import Stripe from "stripe";

import { ConfigError } from "@/lib/config/config";
import { getDb } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { databaseUnreachable, describeError } from "@/lib/ops/errors";
import { runWithLogContext } from "@/lib/log/context";
import { traceIdFrom } from "@/lib/log/trace";
import { getStripe } from "@/lib/stripe/client";

import { UsageError, type Command, type Services } from "./command";
import { doctorCommand } from "./commands/doctor";
import { eventsCommand } from "./commands/events";
import { finalizeCommand } from "./commands/finalize";
import { orderCommand } from "./commands/order";
import { reconcileCommand } from "./commands/reconcile";
import { replayCommand } from "./commands/replay";
import { setStatusCommand } from "./commands/set-status";
import { EXIT, type ExitCode } from "./exit-codes";
import { Output, processIo, type OpsIo } from "./output";

export const COMMANDS: readonly Command[] = [
  orderCommand,
  finalizeCommand,
  reconcileCommand,
  eventsCommand,
  replayCommand,
  setStatusCommand,
  doctorCommand,
];

const GLOBAL_OPTIONS = {
  json: { type: "boolean", description: "write the result as one JSON document on stdout" },
  help: { type: "boolean", description: "show this help" },
} as const;

export interface RunOptions {
  io?: OpsIo;
  env?: Record<string, string | undefined>;
  /** Tests may hand in their own clients; by default the app's, opened on first use. */
  services?: Partial<Omit<Services, "env">>;
}

export async function runOps(argv: string[], options: RunOptions = {}): Promise<ExitCode> {
  const io = options.io ?? processIo;
  const [name, ...rest] = argv;

  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(overallHelp());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr.write(`error: unknown command ${name}\n\n${overallHelp()}`);
    return EXIT.usage;
  }

  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: parseOptions(command),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return usageFailure(io, command, error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(command));
    return EXIT.ok;
  }

  const count = parsed.positionals.length;
  if (count < command.positionals.min || count > command.positionals.max) {
    const problem = count < command.positionals.min ? "missing argument" : "too many arguments";
    return usageFailure(io, command, problem);
  }

  const out = new Output(io, parsed.values.json === true);
  const services: Services = {
    db: options.services?.db ?? getDb,
    stripe: options.services?.stripe ?? getStripe,
    env: options.env ?? process.env,
  };

  try {
    // Every log line the app writes during the command carries one trace id, as a request does.
    return await runWithLogContext({ TraceId: traceIdFrom(null) }, () =>
      command.run({ out, positionals: parsed.positionals, values: parsed.values, services }),
    );
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, command, error.message, out);
    return failure(out, error);
  }
}

function parseOptions(command: Command): ParseArgsConfig["options"] {
  const options: NonNullable<ParseArgsConfig["options"]> = {
    help: { type: "boolean", short: "h" },
  };
  for (const [name, spec] of Object.entries({ ...command.options, ...GLOBAL_OPTIONS })) {
    options[name] ??= { type: spec.type };
  }
  return options;
}

function usageFailure(io: OpsIo, command: Command, message: string, out?: Output): ExitCode {
  out?.result({ ok: false, error: { code: "usage", message } });
  io.stderr.write(`error: ${message}\nusage: npm run ops -- ${command.name} ${command.args}\n`);
  io.stderr.write(`(npm run ops -- ${command.name} --help for more)\n`);
  return EXIT.usage;
}

function failure(out: Output, error: unknown): ExitCode {
  const { code, message, exit, details } = classify(error);
  out.result({ ok: false, error: { code, message, ...details } });
  out.error(message);
  return exit;
}

function classify(error: unknown): {
  code: string;
  message: string;
  exit: ExitCode;
  details?: Record<string, unknown>;
} {
  if (error instanceof ConfigError) {
    return {
      code: "configuration",
      message: `configuration: ${error.message} (npm run ops -- doctor checks every setting)`,
      exit: EXIT.unavailable,
    };
  }
  if (error instanceof ApiError) {
    const exit =
      error.status === 404 ? EXIT.notFound : error.status >= 500 ? EXIT.unavailable : EXIT.problem;
    return { code: error.code, message: error.message, exit, details: error.details };
  }
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return {
      code: "stripe_unavailable",
      message: `Stripe is unreachable (${error.message})`,
      exit: EXIT.unavailable,
    };
  }
  if (databaseUnreachable(error)) {
    return {
      code: "database_unavailable",
      message: `the database is unreachable (${describeError(error)})`,
      exit: EXIT.unavailable,
    };
  }
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: "failed", message: text, exit: EXIT.problem };
}

function overallHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "Checkout operations: the runbook (docs/runbook.md) as commands.",
    "",
    "usage: npm run ops -- <command> [options] [--json]",
    "",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Every command takes --help and --json (one JSON document on stdout).",
    "Progress, errors and the app's log lines go to stderr (LOG_LEVEL, default warn).",
    "Without DATABASE_URL and Stripe keys, the commands use the local shop of `npm start`.",
    "",
    "Exit codes: 0 ok, 1 problem found or repair refused/failed, 2 usage error, 3 not found,",
    "4 cannot run (invalid settings, database or Stripe unreachable).",
    "",
  ].join("\n");
}

function commandHelp(command: Command): string {
  const options = Object.entries({ ...command.options, ...GLOBAL_OPTIONS }).map(([name, spec]) => [
    `--${name}${"value" in spec && spec.value ? ` ${spec.value}` : ""}`,
    spec,
  ]) as [string, { description: string }][];
  const width = Math.max(...options.map(([flag]) => flag.length));
  return [
    `usage: npm run ops -- ${command.name} ${command.args}`.trimEnd(),
    "",
    command.summary,
    "",
    command.description,
    "",
    "Options:",
    ...options.map(([flag, spec]) => `  ${flag.padEnd(width)}  ${spec.description}`),
    "",
  ].join("\n");
}
