import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { build } from "esbuild";

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stripe emulator harness</title></head>
<body><div id="root"></div><script src="/harness.js"></script></body>
</html>`;

export interface HarnessServer {
  url: string;
  stop(): Promise<void>;
}

/** Bundles the harness page with esbuild in memory and serves it on a free local port. */
export async function startHarnessServer(): Promise<HarnessServer> {
  const bundle = await build({
    entryPoints: [new URL("./checkout-harness.tsx", import.meta.url).pathname],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"development"' },
    logLevel: "silent",
  });
  const script = bundle.outputFiles[0]?.text ?? "";

  const server = createServer((request, response) => {
    if (request.url === "/harness.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
      return;
    }
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
