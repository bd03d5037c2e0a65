// The benchmark's yardstick: a bare Node HTTP server that verifies the Stripe signature and
// inserts the order in PostgreSQL, nothing else — what the webhook costs without our framework,
// inbox, audit trail and status rule. Started as its own process by bench/run.ts.
import http from "node:http";

import pg from "pg";
import Stripe from "stripe";

const port = Number(process.env.PORT);
const secret = process.env.STRIPE_WEBHOOK_SECRET ?? "";
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

const server = http.createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const event = Stripe.webhooks.constructEvent(
      Buffer.concat(chunks).toString("utf8"),
      String(request.headers["stripe-signature"] ?? ""),
      secret,
    );
    const intent = event.data.object as Stripe.PaymentIntent;
    await pool.query(
      `INSERT INTO "PaymentOrders" (id, "paymentIntentId", "cartId", "userId", email, amount,
         currency, status, lines, "updatedAt", "paidAt")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, 'Paid', '[]', now(), now())
       ON CONFLICT ("paymentIntentId") DO NOTHING`,
      [
        intent.id,
        intent.metadata.cartId,
        intent.metadata.userId,
        intent.receipt_email ?? "",
        intent.amount,
        intent.currency,
      ],
    );
    response.writeHead(200, { "content-type": "application/json" }).end('{"received":true}');
  } catch {
    response.writeHead(400).end();
  }
});

server.listen(port, "127.0.0.1", () => process.stdout.write("ready\n"));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
