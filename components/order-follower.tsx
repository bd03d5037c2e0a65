"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import type { OrderView } from "@/lib/orders/order-view";
import type { OrderStatus } from "@/lib/payments/resolve-status";

import styles from "./order-follower.module.css";

interface Props {
  order: Pick<OrderView, "id" | "number" | "status" | "email">;
}

const SETTLED: ReadonlySet<OrderStatus> = new Set(["Paid", "Failed", "Canceled", "Refunded"]);
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 10_000;
/** After this the page stops asking; a reload asks again. */
const GIVE_UP_AFTER_MS = 10 * 60_000;

const TEXT: Record<OrderStatus, { title: string; body: string }> = {
  Pending: {
    title: "Your payment is being processed",
    body: "We are waiting for the payment to be confirmed. This page updates by itself.",
  },
  Processing: {
    title: "Your payment is being processed",
    body: "Your bank is confirming the payment. This page updates by itself.",
  },
  Paid: {
    title: "Thank you — your order is confirmed",
    body: "We have received your payment and are preparing your order.",
  },
  Failed: {
    title: "Your payment did not go through",
    body: "No money was taken. Your cart is kept, so you can pay again.",
  },
  Canceled: {
    title: "This payment was canceled",
    body: "No money was taken. Your cart is kept, so you can pay again.",
  },
  Refunded: {
    title: "This order was refunded",
    body: "The payment has been returned to your card.",
  },
};

/**
 * The order's number and status. While the payment is still processing it asks the server
 * again with growing pauses and announces the outcome, so nobody has to reload the page.
 */
export function OrderFollower({ order }: Props) {
  const router = useRouter();
  const [status, setStatus] = useState<OrderStatus>(order.status);
  const [announcement, setAnnouncement] = useState("");
  const [gaveUp, setGaveUp] = useState(false);

  useEffect(() => {
    if (SETTLED.has(order.status)) return;

    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startedAt = Date.now();

    async function check(delay: number) {
      const latest = await fetchStatus(order.id);
      if (stopped) return;
      if (latest && latest !== order.status) {
        setStatus(latest);
        setAnnouncement(`Order status: ${latest}. ${TEXT[latest].title}.`);
      }
      // Settled: the server's parts of the page (the header's cart count) are redrawn in
      // place, with no reload.
      if (latest && SETTLED.has(latest)) return router.refresh();
      if (Date.now() - startedAt > GIVE_UP_AFTER_MS) return setGaveUp(true);

      const next = Math.min(delay * 2, MAX_DELAY_MS);
      timer = setTimeout(() => void check(next), next);
    }

    timer = setTimeout(() => void check(FIRST_DELAY_MS), FIRST_DELAY_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [order.id, order.status, router]);

  const text = TEXT[status];

  return (
    <section
      className={`surface ${styles.card}`}
      aria-labelledby="order-title"
      data-status={status}
    >
      <h1 id="order-title" className={styles.title}>
        {text.title}
      </h1>
      <dl className={styles.facts}>
        <div>
          <dt>Order number</dt>
          <dd>{order.number}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={styles.badge} data-status={status}>
              {status}
            </span>
          </dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd className={styles.email}>{order.email}</dd>
        </div>
      </dl>
      <p>{text.body}</p>
      {gaveUp && <p>It is taking longer than usual. Reload this page later to see the status.</p>}
      {(status === "Failed" || status === "Canceled") && (
        <p>
          <Link href="/cart" className="button">
            Back to your cart
          </Link>
        </p>
      )}
      {status === "Paid" && (
        <p>
          <Link href="/">Continue shopping</Link>
        </p>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

async function fetchStatus(orderId: string): Promise<OrderStatus | null> {
  try {
    const response = await fetch(`/api/orders/${encodeURIComponent(orderId)}`, {
      credentials: "same-origin",
      cache: "no-store",
    });
    if (!response.ok) return null;

    return ((await response.json()) as Pick<OrderView, "status">).status;
  } catch {
    return null;
  }
}
