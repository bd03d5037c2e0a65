// A load balancer in miniature: each incoming request goes to the next app process in turn.
// An app that is down answers 502, which Stripe treats like any other failure and retries.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RoundRobinProxy {
  url: string;
  forwarded: number[];
  close(): Promise<void>;
}

export async function startRoundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const forwarded = targets.map(() => 0);
  let turn = 0;

  const server = http.createServer((incoming, outgoing) => {
    const index = turn++ % targets.length;
    forwarded[index]!++;
    const target = new URL(incoming.url ?? "/", targets[index]);
    const upstream = http.request(
      target,
      { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "application/json" });
      outgoing.end('{"error":{"code":"bad_gateway","message":"Upstream unreachable."}}');
    });
    incoming.pipe(upstream);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    forwarded,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
