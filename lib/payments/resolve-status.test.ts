import { describe, expect, it } from "vitest";

import { allowedSources, resolveStatus, type OrderStatus } from "./resolve-status";

const ALL: OrderStatus[] = ["Pending", "Processing", "Paid", "Refunded", "Failed", "Canceled"];

describe("resolveStatus", () => {
  it.each([
    ["Pending", "Processing"],
    ["Pending", "Paid"],
    ["Processing", "Paid"],
    ["Processing", "Failed"],
    ["Failed", "Paid"],
    ["Failed", "Processing"],
    ["Paid", "Refunded"],
  ] as const)("allows %s → %s", (from, to) => {
    expect(resolveStatus(from, to)).toEqual({ outcome: "changed", status: to });
  });

  it.each(ALL.filter((status) => status !== "Paid" && status !== "Refunded"))(
    "never lets Paid regress to %s",
    (to) => {
      expect(resolveStatus("Paid", to)).toEqual({ outcome: "refused", status: "Paid" });
    },
  );

  it.each(ALL)("treats %s → itself as no change", (status) => {
    expect(resolveStatus(status, status)).toEqual({ outcome: "unchanged", status });
  });

  it("keeps Refunded and Canceled final", () => {
    for (const to of ALL.filter((status) => status !== "Refunded")) {
      expect(resolveStatus("Refunded", to).outcome).toBe("refused");
    }
    for (const to of ALL.filter((status) => status !== "Canceled")) {
      expect(resolveStatus("Canceled", to).outcome).toBe("refused");
    }
  });

  it("derives the guard of the conditional update from the same table", () => {
    expect(allowedSources("Paid").sort()).toEqual(["Failed", "Pending", "Processing"]);
    expect(allowedSources("Refunded")).toEqual(["Paid"]);
    expect(allowedSources("Failed")).not.toContain("Paid");
  });
});
