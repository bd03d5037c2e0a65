// ResolveStatus: which order status changes are allowed. Pure; the database write in
// order-status.ts applies it under a row lock so that racing processes obey it too.
import type { OrderStatus } from "@prisma/client";

export type { OrderStatus };

// Pending → Processing → Paid → Refunded, with Failed and Canceled aside. A failed attempt may
// be followed by a successful one; nothing leaves Paid but Refunded; Refunded and Canceled end.
const ALLOWED: Record<OrderStatus, readonly OrderStatus[]> = {
  Pending: ["Processing", "Paid", "Failed", "Canceled"],
  Processing: ["Paid", "Failed", "Canceled"],
  Failed: ["Processing", "Paid", "Canceled"],
  Paid: ["Refunded"],
  Refunded: [],
  Canceled: [],
};

export type Resolution =
  | { outcome: "changed"; status: OrderStatus }
  | { outcome: "unchanged"; status: OrderStatus }
  | { outcome: "refused"; status: OrderStatus };

export function resolveStatus(current: OrderStatus, requested: OrderStatus): Resolution {
  if (current === requested) return { outcome: "unchanged", status: current };
  if (ALLOWED[current].includes(requested)) return { outcome: "changed", status: requested };

  return { outcome: "refused", status: current };
}

/** The statuses from which `requested` may be reached: the guard of the conditional update. */
export function allowedSources(requested: OrderStatus): OrderStatus[] {
  return (Object.keys(ALLOWED) as OrderStatus[]).filter((from) =>
    ALLOWED[from].includes(requested),
  );
}
