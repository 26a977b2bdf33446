import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import {
  addMeasured,
  divideMeasured,
  formatPct,
  formatUsdCompact,
  fromFigure,
  subtractMeasured,
  type Bound,
  type Measured,
} from "@/lib/domain/precision";

const m = (value: string, bound: Bound): Measured => ({ value, bound });

describe("figures as measured values", () => {
  it("maps each stored precision to a display bound", () => {
    expect(fromFigure({ value: "39700000000", precision: "rounded" }).bound).toBe("approx");
    expect(fromFigure({ value: "66400000000", precision: "lower_bound" }).bound).toBe("lower");
    expect(fromFigure({ value: "1", precision: "exact" }).bound).toBe("exact");
    expect(fromFigure(null)).toEqual({ value: null, bound: "unknown", reason: "not reported" });
  });
});

describe("ratio precision follows docs/domain.md", () => {
  it("exact over exact is exact", () => {
    // 102 / 100 = 1.02
    expect(divideMeasured(m("102", "exact"), m("100", "exact"))).toEqual({ value: "1.02", bound: "exact" });
  });

  it("a lower-bound numerator gives a lower bound", () => {
    // 50.2 B / 50 B × 100 = 100.4
    const r = divideMeasured(m("50200000000", "lower"), m("50000000000", "exact"), 100);
    expect(r.value).toBe("100.4");
    expect(r.bound).toBe("lower");
  });

  it("a lower-bound denominator gives an upper bound", () => {
    // 80 / 64 × 100 = 125
    const r = divideMeasured(m("80", "exact"), m("64", "lower"), 100);
    expect(r).toMatchObject({ value: "125", bound: "upper" });
  });

  it("two lower bounds give no bound, shown as ≈ with a reason", () => {
    const r = divideMeasured(m("78670000000", "lower"), m("78480000000", "lower"), 100);
    expect(r.bound).toBe("approx");
    expect(r.reason).toMatch(/both inputs are lower bounds/);
  });

  it("rounded inputs give ≈", () => {
    // 81.8 / 79.3 × 100 = 103.15... → "≈ 103.2%"
    const r = divideMeasured(m("81800000000", "approx"), m("79300000000", "approx"), 100);
    expect(r.bound).toBe("approx");
    expect(formatPct(r, 1)).toBe("≈ 103.2%");
  });

  it("keeps the direction of a lower bound over a rounded denominator, saying it is approximate", () => {
    const r = divideMeasured(m("120", "lower"), m("100", "approx"), 100);
    expect(r.bound).toBe("lower");
    expect(r.reason).toMatch(/approximate/);
  });

  it("refuses a zero denominator and a missing input, with reasons", () => {
    expect(divideMeasured(m("1", "exact"), m("0", "exact"))).toMatchObject({ value: null, bound: "unknown" });
    expect(divideMeasured({ value: null, bound: "unknown", reason: "tokens missing" }, m("1", "exact")).reason).toBe("tokens missing");
  });

  it("sums and differences carry directions", () => {
    expect(addMeasured(m("1", "lower"), m("2", "exact"))).toEqual({ value: "3", bound: "lower" });
    expect(addMeasured(m("1", "lower"), m("2", "upper")).bound).toBe("approx");
    // 100 − (≥ 40) = ≤ 60
    expect(subtractMeasured(m("100", "exact"), m("40", "lower"))).toEqual({ value: "60", bound: "upper" });
  });

  it("never turns a lower-bound numerator into an upper bound", () => {
    const bounds: Bound[] = ["exact", "approx", "lower", "upper"];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.constantFrom(...bounds),
        (n, d, denBound) => {
          const r = divideMeasured(m(String(n), "lower"), m(String(d), denBound), 100);
          expect(r.bound).not.toBe("upper");
          expect(r.bound).not.toBe("exact");
        },
      ),
    );
  });
});

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
    const { formatUsdCompact, formatPct } = await import("@/lib/domain/precision");
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
