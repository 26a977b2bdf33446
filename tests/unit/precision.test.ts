import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addMeasured, divideMeasured, fromFigure, subtractMeasured, type Bound, type Measured } from "@/lib/domain/precision";
import { formatPct } from "@/lib/i18n/numbers";

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
