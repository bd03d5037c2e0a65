// What the browser tests check in the shop's PostgreSQL: the real rows, read with plain SQL.
import pg from "pg";

import { E2E_DATABASE_URL } from "../../playwright.config";

let pool: pg.Pool | null = null;

function db(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: E2E_DATABASE_URL, max: 2, allowExitOnIdle: true });
  return pool;
}

export interface CartRow {
  version: number;
  paymentIntentId: string | null;
  intentAmount: number | null;
  intentCartVersion: number | null;
}

export interface OrderRow {
  id: string;
  number: number;
  paymentIntentId: string;
  cartId: string;
  email: string;
  amount: number;
  currency: string;
  status: string;
}

export async function cartRow(cartId: string): Promise<CartRow | null> {
  const { rows } = await db().query<CartRow>(
    `SELECT version, "paymentIntentId", "intentAmount", "intentCartVersion"
       FROM "Cart" WHERE id = $1`,
    [cartId],
  );
  return rows[0] ?? null;
}

export async function ordersOfCart(cartId: string): Promise<OrderRow[]> {
  const { rows } = await db().query<OrderRow>(
    `SELECT id, number, "paymentIntentId", "cartId", email, amount, currency, status
       FROM "PaymentOrders" WHERE "cartId" = $1 ORDER BY "createdAt"`,
    [cartId],
  );
  return rows;
}

/** Who moved the order to each status, oldest first: `webhook:Paid`, `finalize:Paid`, … */
export async function statusChanges(orderId: string): Promise<string[]> {
  const { rows } = await db().query<{ change: string }>(
    `SELECT source || ':' || "toStatus" AS change
       FROM "OrderStatusHistory" WHERE "orderId" = $1 AND applied ORDER BY id`,
    [orderId],
  );
  return rows.map(({ change }) => change);
}
