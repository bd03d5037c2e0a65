// The runbook's `assets/env.js`: client settings as a script, read at run time, never built in.
import { clientSettings } from "@/lib/config/client-settings";

export const dynamic = "force-dynamic";

export function GET(): Response {
  const script = `window.__CHECKOUT_ENV__ = Object.freeze(${JSON.stringify(clientSettings())});\n`;

  return new Response(script, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" },
  });
}
