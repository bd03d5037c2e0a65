// `events`: the webhook inbox, newest first (runbook cases 1 and 2).
import { WebhookEventState } from "@prisma/client";

import { listInbox } from "@/lib/ops/webhook-inbox";

import { optionalString, UsageError, type Command } from "../command";
import { EXIT } from "../exit-codes";

export const eventsCommand: Command = {
  name: "events",
  summary: "list the webhook inbox (newest first), e.g. the events that failed",
  args: "[--failed | --state <state>] [--type <type>] [--limit <n>]",
  description: [
    "Every verified webhook is stored in the inbox with its processing state (Pending,",
    "Processed, Ignored, Failed), attempts and last error. A Failed event is replayed with",
    "`replay <evt_…>` once its cause is fixed.",
    "",
    "Exit codes: 0 listed (even if empty), 4 the database unreachable.",
  ].join("\n"),
  options: {
    failed: { type: "boolean", description: "only events whose processing failed" },
    state: {
      type: "string",
      value: "<state>",
      description: "Pending, Processed, Ignored or Failed",
    },
    type: { type: "string", value: "<type>", description: "e.g. payment_intent.succeeded" },
    limit: { type: "string", value: "<n>", description: "how many (default 20, at most 1000)" },
  },
  positionals: { min: 0, max: 0 },

  async run(input) {
    const { out, services } = input;
    const state = input.values.failed === true ? "Failed" : optionalString(input, "state");
    if (state && !Object.keys(WebhookEventState).includes(state)) {
      throw new UsageError(`--state must be one of ${Object.keys(WebhookEventState).join(", ")}`);
    }
    const limitText = optionalString(input, "limit") ?? "20";
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      throw new UsageError("--limit must be a whole number from 1 to 1000");
    }

    const events = await listInbox(services.db(), {
      state: state as WebhookEventState | undefined,
      type: optionalString(input, "type"),
      limit,
    });
    out.result({ events });

    if (events.length === 0) {
      out.line("No event matches.");
      return EXIT.ok;
    }
    out.table(
      ["received", "event", "type", "object", "state", "attempts", "last error"],
      events.map((event) => [
        event.receivedAt,
        event.id,
        event.type,
        event.objectId,
        event.state,
        event.attempts,
        event.lastError,
      ]),
    );
    return EXIT.ok;
  },
};
