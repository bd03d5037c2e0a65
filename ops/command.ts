// The shape every ops command has: its own options and help, and a run that answers an exit code.
import type Stripe from "stripe";

import type { Db } from "@/lib/db/client";

import type { ExitCode } from "./exit-codes";
import type { Output } from "./output";

export interface OptionSpec {
  type: "string" | "boolean";
  description: string;
  /** Shown in the help, e.g. `--since <duration>`. */
  value?: string;
}

/** Opened on first use, so `--help` and usage errors need no settings. */
export interface Services {
  db(): Db;
  stripe(): Stripe;
  env: Record<string, string | undefined>;
}

export interface CommandInput {
  out: Output;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  services: Services;
}

export interface Command {
  name: string;
  /** One line for the overall help. */
  summary: string;
  /** Arguments after the command name, e.g. `<orderId | pi_… | cartId>`. */
  args: string;
  /** Paragraphs for the command's own help: what it does, its runbook case, its exit codes. */
  description: string;
  options: Record<string, OptionSpec>;
  positionals: { min: number; max: number };
  run(input: CommandInput): Promise<ExitCode>;
}

/** A wrong command line: exits 2 with the message and a pointer to the help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function requiredString(input: CommandInput, name: string): string {
  const value = input.values[name];
  if (typeof value !== "string" || !value.trim()) throw new UsageError(`--${name} is required`);

  return value.trim();
}

export function optionalString(input: CommandInput, name: string): string | undefined {
  const value = input.values[name];
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}
