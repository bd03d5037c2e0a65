import { describe, expect, it } from "vitest";

import { formatMoney, isIsoCurrency, minorUnitDigits } from "./currency";

describe("currency", () => {
  it("knows zero-decimal currencies such as JPY and KRW", () => {
    expect(minorUnitDigits("jpy")).toBe(0);
    expect(minorUnitDigits("KRW")).toBe(0);
    expect(minorUnitDigits("eur")).toBe(2);
    expect(minorUnitDigits("kwd")).toBe(3);
  });

  it("formats minor units without inventing decimals", () => {
    expect(formatMoney({ amount: 1250, currency: "eur" }, "en-GB")).toBe("€12.50");
    expect(formatMoney({ amount: 1250, currency: "jpy" }, "en-GB")).toBe("JP¥1,250");
  });

  it("accepts ISO 4217 codes only", () => {
    expect(isIsoCurrency("eur")).toBe(true);
    expect(isIsoCurrency("EUR")).toBe(true);
    expect(isIsoCurrency("eu")).toBe(false);
    expect(isIsoCurrency("xyz")).toBe(false);
  });
});
