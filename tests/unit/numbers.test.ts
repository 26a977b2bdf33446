// Money and percentages as people read them (lib/i18n/numbers.ts): only the digits the
// source gave, bounds rounded so the shown mark stays true, each language's separators
// and units. The arithmetic of bounds is tested in precision.test.ts.
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import type { Bound, Measured } from "@/lib/domain/precision";
import { formatPct, formatUsdCompact } from "@/lib/i18n/numbers";

const m = (value: string, bound: Bound): Measured => ({ value, bound });

describe("formatUsdCompact", () => {
  it("shows rounded and lower-bound figures with only the digits the source gave", () => {
    expect(formatUsdCompact("39700000000", "rounded")).toBe("≈ $39.7 B");
    expect(formatUsdCompact("39700000000.00", "rounded")).toBe("≈ $39.7 B");
    expect(formatUsdCompact("66400000000", "lower_bound")).toBe("≥ $66.4 B");
    expect(formatUsdCompact("563570000", "rounded")).toBe("≈ $563.57 M");
    expect(formatUsdCompact("1937000000", "lower_bound")).toBe("≥ $1.937 B");
    expect(formatUsdCompact("1200000000000", "approx")).toBe("≈ $1.2 T");
    expect(formatUsdCompact("5000000", "upper")).toBe("≤ $5 M");
    expect(formatUsdCompact("26434", "rounded")).toBe("≈ $26,434");
  });

  it("shows exact figures in full", () => {
    expect(formatUsdCompact("1234567", "exact")).toBe("$1,234,567");
    expect(formatUsdCompact("127412240.89", "exact")).toBe("$127,412,240.89");
    expect(formatUsdCompact("86499251218", "exact")).toBe("$86,499,251,218");
    expect(formatUsdCompact("-10000000", "exact")).toBe("-$10,000,000");
    expect(formatUsdCompact("0", "exact")).toBe("$0");
  });
});

describe("formatPct", () => {
  it("rounds bounds away from their claim so the shown bound stays true", () => {
    // ≥ 101.26 must not read "≥ 101.3"; ≤ 101.24 must not read "≤ 101.2"
    expect(formatPct(m("101.26", "lower"), 1)).toBe("≥ 101.2%");
    expect(formatPct(m("101.24", "upper"), 1)).toBe("≤ 101.3%");
    expect(formatPct(m("100.25", "approx"), 1)).toBe("≈ 100.3%");
    expect(formatPct(m("25", "exact"), 1)).toBe("25.0%");
  });

  it("formats changes in points and missing values", () => {
    expect(formatPct(m("-15", "exact"), 1, { unit: " pp", signed: true })).toBe("-15.0 pp");
    expect(formatPct(m("15", "exact"), 1, { unit: " pp", signed: true })).toBe("+15.0 pp");
    expect(formatPct(m("-0.01", "exact"), 1)).toBe("0.0%");
    expect(formatPct({ value: null, bound: "unknown", reason: "x" }, 1)).toBe("not available");
  });

  it("never shows a lower bound above the true value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 4 }), (raw, digits) => {
        const value = new Decimal(raw).div(10 ** 4);
        const shown = formatPct(m(value.toFixed(), "lower"), digits).replace(/[≥%\s]/g, "");
        expect(new Decimal(shown).lte(value)).toBe(true);
      }),
    );
  });
});

describe("numbers in the reader's language", () => {
  it("keeps the source's digits and marks, with each language's separators and units", async () => {
    const { formatUsdCompact, formatPct } = await import("@/lib/i18n/numbers");
    expect(formatUsdCompact("39700000000", "rounded", "en")).toBe("≈ $39.7 B");
    expect(formatUsdCompact("39700000000", "rounded", "es")).toBe("≈ US$39.7 mil M");
    expect(formatUsdCompact("39700000000", "rounded", "pt")).toBe("≈ US$ 39,7 bi");
    expect(formatUsdCompact("1234567.5", "exact", "pt")).toBe("US$ 1.234.567,50");
    expect(formatUsdCompact("1234567.5", "exact", "en")).toBe("$1,234,567.50");
    expect(formatPct({ value: "101.25", bound: "lower" }, 1, { locale: "pt" })).toBe("≥ 101,2%");
    expect(formatPct({ value: "101.25", bound: "lower" }, 1, { locale: "es" })).toBe("≥ 101.2%");
    expect(formatPct({ value: null, bound: "unknown" }, 1, { missing: "no disponible" })).toBe("no disponible");
  });
});
