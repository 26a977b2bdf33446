import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { coverageRatio, coverageSeries, GROUP_SCOPE_LABEL } from "@/lib/domain/metrics/coverage";
import { reportData } from "@/lib/domain/report-data";
import type { AttestationData, Figure } from "@/lib/domain/types";
import { formatPct } from "@/lib/i18n/numbers";

const usd = (value: string, precision: Figure["precision"] = "exact"): Figure => ({ value, precision });

function report(id: string, asOf: string, extra: Partial<AttestationData> = {}): AttestationData {
  return reportData({ id, issuerSlug: "demo", asOf, ...extra });
}

describe("coverage ratio per report", () => {
  it("divides total reserves by tokens outstanding", () => {
    // 1,020,000,000 / 1,000,000,000 × 100 = 102
    const r = coverageRatio(report("a", "2025-06-30", { totalReserves: usd("1020000000"), tokensOutstanding: usd("1000000000") }));
    expect(r.coveragePct).toEqual({ value: "102", bound: "exact" });
    expect(r.onGroupTotals).toBe(false);
    expect(r.label).toBeNull();
  });

  it("is a lower bound when reserves are stated as a minimum", () => {
    // at least 50.2 B / 50 B × 100 = 100.4 → "≥ 100.4%"
    const r = coverageRatio(
      report("a", "2022-06-30", { totalReserves: usd("50200000000", "lower_bound"), tokensOutstanding: usd("50000000000") }),
    );
    expect(r.coveragePct).toMatchObject({ value: "100.4", bound: "lower" });
    expect(formatPct(r.coveragePct, 1)).toBe("≥ 100.4%");
  });

  it("is an upper bound when only the tokens are a minimum, and unbounded when both are", () => {
    // 1,000 / at least 800 × 100 = 125, at most
    const upper = coverageRatio(report("a", "2024-01-16", { totalReserves: usd("1000"), tokensOutstanding: usd("800", "lower_bound") }));
    expect(upper.coveragePct).toMatchObject({ value: "125", bound: "upper" });
    // TUSD 2024-01-16: both "over" figures → ≈ with a reason
    const both = coverageRatio(
      report("b", "2024-01-16", { totalReserves: usd("1937000000", "lower_bound"), tokensOutstanding: usd("1925000000", "lower_bound") }),
    );
    expect(both.coveragePct.bound).toBe("approx");
    expect(both.coveragePct.reason).toMatch(/lower bounds/);
  });

  it("gives no ratio, with the reason, when a figure is missing or tokens are zero", () => {
    expect(coverageRatio(report("a", "2025-01-01", { tokensOutstanding: usd("5") })).coveragePct).toEqual({
      value: null,
      bound: "unknown",
      reason: "total reserves not reported",
    });
    expect(coverageRatio(report("a", "2025-01-01", { totalReserves: usd("5") })).coveragePct.reason).toBe(
      "tokens outstanding not reported",
    );
    const zero = coverageRatio(report("a", "2025-01-01", { totalReserves: usd("5"), tokensOutstanding: usd("0") }));
    expect(zero.coveragePct.value).toBeNull();
    expect(zero.coveragePct.reason).toMatch(/zero/);
  });

  it("labels ratios computed on group totals", () => {
    const r = coverageRatio(
      report("a", "2023-12-31", {
        scope: "group_assets_liabilities",
        totalReserves: usd("97000000000", "lower_bound"),
        tokensOutstanding: usd("91600000000", "rounded"),
      }),
    );
    expect(r.onGroupTotals).toBe(true);
    expect(r.label).toBe("group assets / token liabilities, not a reserve coverage ratio");
    expect(r.label).toBe(GROUP_SCOPE_LABEL);
  });
});

describe("coverage series", () => {
  const jan = report("jan", "2025-01-31", { totalReserves: usd("110"), tokensOutstanding: usd("100") });
  const feb = report("feb", "2025-02-28", { totalReserves: usd("99"), tokensOutstanding: usd("100") });
  const mar = report("mar", "2025-03-31", { totalReserves: usd("105"), tokensOutstanding: usd("100") });

  it("is empty without reports and has one point for one report", () => {
    expect(coverageSeries([])).toEqual([]);
    expect(coverageSeries([jan]).map((p) => p.coveragePct.value)).toEqual(["110"]);
  });

  it("orders by as-of date whatever the input order, and skips drafts and retracted reports", () => {
    const draft = report("draft", "2025-04-30", { state: "draft", totalReserves: usd("1"), tokensOutstanding: usd("1") });
    const retracted = report("gone", "2025-02-15", { state: "retracted", totalReserves: usd("1"), tokensOutstanding: usd("1") });
    const series = coverageSeries([mar, draft, jan, retracted, feb]);
    expect(series.map((p) => p.attestationId)).toEqual(["jan", "feb", "mar"]);
    expect(series.map((p) => p.coveragePct.value)).toEqual(["110", "99", "105"]);
  });

  it("keeps points whose ratio is unknown, with their reason", () => {
    const noTokens = report("apr", "2025-04-30", { totalReserves: usd("1") });
    expect(coverageSeries([noTokens, jan]).map((p) => p.coveragePct.reason ?? null)).toEqual([null, "tokens outstanding not reported"]);
  });

  it("uses the corrected figure when a report is revised", () => {
    // February corrected from 99 to 101.5 reserves: 101.5 / 100 × 100 = 101.5
    const febCorrected = { ...feb, revision: 2, totalReserves: usd("101.5") };
    expect(coverageSeries([jan, feb, mar])[1]?.coveragePct.value).toBe("99");
    expect(coverageSeries([jan, febCorrected, mar])[1]?.coveragePct.value).toBe("101.5");
  });

  it("does not depend on input order", () => {
    const all = [jan, feb, mar, report("x", "2025-03-31", { reportType: "audit", totalReserves: usd("3"), tokensOutstanding: usd("2") })];
    const expected = coverageSeries(all);
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (shuffled) => {
        expect(coverageSeries(shuffled)).toEqual(expected);
      }),
    );
  });
});
