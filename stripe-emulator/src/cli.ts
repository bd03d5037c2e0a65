import { parseArgs } from "node:util";

import { DEFAULT_PORT, startStripeEmulator } from "./index.js";

const USAGE = `Usage: npm run stripe:emulator -- [--port 12111] [--host 127.0.0.1]
  [--forward-to http://localhost:3000/api/payments/webhook] [--webhook-secret whsec_…]
  [--processing-delay 3000]
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}`);
  process.exit(2);
}

function integer(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`--${flag} must be a whole number, got "${value}".`);
  return Number(value);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "forward-to": { type: "string" },
        "webhook-secret": { type: "string" },
        "processing-delay": { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }

  const emulator = await startStripeEmulator({
    port: integer("port", values.port) ?? DEFAULT_PORT,
    host: values.host,
    forwardTo: values["forward-to"],
    webhookSecret: values["webhook-secret"],
    processingDelayMs: integer("processing-delay", values["processing-delay"]),
  });

  const forwarding = values["forward-to"] ? `, forwarding events to ${values["forward-to"]}` : "";
  process.stdout.write(`Stripe emulator ready on ${emulator.url}${forwarding}\n`);

  const shutdown = () => {
    void emulator.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  fail(error instanceof Error ? error.message : String(error));
});
