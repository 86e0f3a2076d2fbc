import { describe, expect, it } from "vitest";
import { formatMoney, parseMajorUnits, toMajorUnits } from "@/lib/money";

describe("toMajorUnits", () => {
  it.each([
    [{ amount: 250, currency: "USD" as const }, 2.5],
    [{ amount: 1, currency: "EUR" as const }, 0.01],
    [{ amount: 199, currency: "GBP" as const }, 1.99],
    [{ amount: 50_000, currency: "BSV" as const }, 0.0005],
    [{ amount: 123_456_789, currency: "BSV" as const }, 1.23456789],
    [{ amount: 1_000_001, currency: "USD" as const }, 10000.01],
  ])("%o → %d", (money, expected) => {
    expect(toMajorUnits(money)).toBe(expected);
  });
});

describe("parseMajorUnits", () => {
  it.each([
    ["2.50", "USD", 250],
    ["3", "GBP", 300],
    [" 0.01 ", "USD", 1],
    ["0.0005", "BSV", 50_000],
    ["1.23456789", "BSV", 123_456_789],
  ] as const)("%s %s → %d", (input, currency, expected) => {
    expect(parseMajorUnits(input, currency)).toBe(expected);
  });

  it.each([
    ["0", "USD"],
    ["-1", "USD"],
    ["2.501", "USD"],
    ["abc", "USD"],
    ["", "USD"],
    ["1e3", "USD"],
    ["0.000000001", "BSV"],
    // A comma is refused, not guessed at: a decimal comma here, a thousands separator there.
    ["1,5", "EUR"],
    ["2,50", "EUR"],
    ["1,500", "USD"],
    ["1,500.00", "USD"],
  ] as const)("rejects %s %s", (input, currency) => {
    expect(parseMajorUnits(input, currency)).toBeNull();
  });

  it("round-trips with toMajorUnits", () => {
    for (const amount of [1, 99, 250, 1999, 123456]) {
      expect(parseMajorUnits(String(toMajorUnits({ amount, currency: "USD" })), "USD")).toBe(amount);
    }
  });
});

describe("formatMoney", () => {
  it("formats fiat with the currency symbol", () => {
    expect(formatMoney({ amount: 250, currency: "USD" })).toBe("$2.50");
    expect(formatMoney({ amount: 199, currency: "EUR" })).toBe("€1.99");
    expect(formatMoney({ amount: 300, currency: "GBP" })).toBe("£3.00");
  });

  it("formats BSV without trailing zeros", () => {
    expect(formatMoney({ amount: 50_000, currency: "BSV" })).toBe("0.0005 BSV");
    expect(formatMoney({ amount: 100_000_000, currency: "BSV" })).toBe("1 BSV");
  });
});
