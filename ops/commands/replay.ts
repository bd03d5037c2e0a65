// `replay`: re-run a stored webhook event through the webhook's own processing (cases 1 and 2).
import { EventNotFoundError, replayEvent } from "@/lib/ops/webhook-inbox";

import { UsageError, type Command } from "../command";
import { EXIT } from "../exit-codes";

export const replayCommand: Command = {
  name: "replay",
  summary: "re-run a stored webhook event (or, with --from-stripe, one fetched from Stripe)",
  args: "<evt_…> [--from-stripe]",
  description: [
    "Runs the event stored in the webhook inbox through the same exactly-once processing as a",
    "delivery from Stripe, without a new call from Stripe: use it after fixing what made the",
    "event fail, or when an order is missing although its payment_intent.succeeded arrived.",
    "Its effects are idempotent: replaying an event already applied changes nothing.",
    "With --from-stripe, an event that never reached the inbox is fetched from Stripe (Stripe",
    "keeps events for 30 days) and stored before it is processed.",
    "",
    "Exit codes: 0 processed or ignored, 1 processing failed (the event is marked Failed),",
    "3 no such event, 4 the database or Stripe unreachable.",
  ].join("\n"),
  options: {
    "from-stripe": { type: "boolean", description: "fetch the event from Stripe if not stored" },
  },
  positionals: { min: 1, max: 1 },

  async run({ out, positionals, values, services }) {
    const eventId = positionals[0]!;
    if (!eventId.startsWith("evt_")) throw new UsageError("the event id must start with evt_");

    try {
      const replay = await replayEvent(services.db(), services.stripe(), eventId, {
        fromStripe: values["from-stripe"] === true,
      });
      out.result({ ok: true, ...replay });

      const origin = replay.origin === "inbox" ? "the inbox" : "Stripe";
      out.line(`Replayed ${eventId} (${replay.type}, from ${origin}): ${replay.result}.`);
      const before = replay.orderBefore?.status ?? "no order";
      const after = replay.orderAfter?.status ?? "no order";
      if (!replay.objectId) out.line("The event is about no PaymentIntent.");
      else if (replay.changed) out.line(`Order of ${replay.objectId}: ${before} → ${after}.`);
      else out.line(`Changed nothing: the order of ${replay.objectId} stays ${after}.`);
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof EventNotFoundError)) throw error;

      out.result({ ok: false, error: { code: "event_not_found", message: error.message } });
      out.error(error.message);
      if (error.where === "inbox") out.progress("To fetch it from Stripe, add --from-stripe.");
      return EXIT.notFound;
    }
  },
};
