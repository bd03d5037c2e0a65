import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  body: string;
  signature: string;
  eventId: string;
  eventType: string;
  objectId: string;
}

/** What the receiver answers to the next delivery; by default 200. */
export type Responder = (webhook: ReceivedWebhook) => number;

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A stand-in for the app's webhook route: records every delivery and answers as told. */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  let respond: Responder = () => 200;
  const waiters = new Set<() => void>();

  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const event = JSON.parse(body) as {
        id: string;
        type: string;
        data: { object: { id: string } };
      };
      const webhook = {
        body,
        signature: String(request.headers["stripe-signature"] ?? ""),
        eventId: event.id,
        eventType: event.type,
        objectId: event.data.object.id,
      };
      received.push(webhook);
      response.writeHead(respond(webhook)).end();
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    respondWith(responder: Responder) {
      respond = responder;
    },
    /** Waits until `predicate` holds for what has been received, or fails after `timeoutMs`. */
    async waitFor(predicate: (all: ReceivedWebhook[]) => boolean, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(received)) {
        if (Date.now() > deadline) {
          throw new Error(`Webhooks not received in time; got ${received.map((w) => w.eventType)}`);
        }
        await new Promise<void>((resolve) => {
          waiters.add(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received;
    },
    clear() {
      received.length = 0;
      respond = () => 200;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
