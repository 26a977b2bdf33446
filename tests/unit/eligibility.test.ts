import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { depositFloorCheck, ELIGIBILITY_FRAMEWORKS, eligibleShare, getFramework, parseMaturity } from "@/lib/domain/metrics/eligibility";
import { RESERVE_CATEGORIES, type ReserveCategory } from "@/lib/domain/taxonomy";
import type { AttestationData, CompositionLineData, Figure } from "@/lib/domain/types";

const usd = (value: string, precision: Figure["precision"] = "exact"): Figure => ({ value, precision });
const line = (category: ReserveCategory, amount: string | null, extra: Partial<CompositionLineData> = {}): CompositionLineData => ({
  category,
  amountUsd: amount === null ? null : usd(amount),
  sharePct: null,
  custodian: null,
  maturity: null,
  sourceUrl: null,
  ...extra,
});
function report(composition: CompositionLineData[], totalReserves: Figure | null = usd("100000000")): AttestationData {
  return {
    id: "r",
    issuerSlug: "demo",
    asOf: "2025-06-30",
    asOfPrecision: "day",
    publishedOn: null,
    reportType: "attestation",
    assurance: "unknown",
    firm: null,
    standard: null,
    opinion: "unknown",
    scope: "reserves_and_tokens",
    reportUrl: null,
    reportSha256: null,
    sourceUrl: null,
    sourceKind: "primary",
    tokensOutstanding: null,
    totalReserves,
    liquidity: { within1dPct: null, within7dPct: null, within30dPct: null },
    notes: null,
    state: "published",
    revision: 1,
    retractedReason: null,
    composition,
  };
}
const genius = getFramework("us_genius_2025");
const mica = getFramework("eu_mica_emt");
const hk = getFramework("hk_stablecoins_2025");
const floor = mica.depositFloor as NonNullable<typeof mica.depositFloor>;
// cash 30 M, bills 40 M, longer Treasuries 20 M (no maturity), commercial paper 10 M, of 100 M
const mixed = (notesMaturity: string | null = null) =>
  report([
    line("cash_deposits", "30000000"),
    line("tbills_93d", "40000000"),
    line("treasury_notes_bonds", "20000000", { maturity: notesMaturity }),
    line("commercial_paper_cds", "10000000"),
  ]);

describe("rule tables", () => {
  it("cover five frameworks, each versioned and sourced, mapping every category with a reason", () => {
    expect(ELIGIBILITY_FRAMEWORKS.map((f) => f.id)).toEqual([
      "us_genius_2025",
      "us_nydfs_2022",
      "eu_mica_emt",
      "sg_mas_2023",
      "hk_stablecoins_2025",
    ]);
    for (const f of ELIGIBILITY_FRAMEWORKS) {
      expect(f.url).toMatch(/^https:\/\//);
      expect(f.versionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.citation.length).toBeGreaterThan(20);
      expect(Object.keys(f.rules).sort()).toEqual([...RESERVE_CATEGORIES].sort());
      for (const rule of Object.values(f.rules)) expect(rule.reason.length).toBeGreaterThan(10);
      expect(f.rules.other_undisclosed.status).toBe("not_eligible");
    }
  });

  it("records the maturity limits of docs/domain.md", () => {
    expect(genius.rules.treasury_notes_bonds).toMatchObject({ status: "depends_on_maturity", maxMaturityDays: 93 });
    expect(getFramework("us_nydfs_2022").rules.treasury_notes_bonds).toMatchObject({ status: "depends_on_maturity", maxMaturityDays: 93 });
    expect(hk.rules.treasury_notes_bonds).toMatchObject({ status: "depends_on_maturity", maxMaturityDays: 365 });
    expect(genius.versionDate).toBe("2025-07-18");
    expect(genius.citation).toMatch(/119-27/);
    expect(floor).toMatchObject({ standardPct: "30", significantPct: "60" });
  });
});

describe("parseMaturity", () => {
  it("reads common wordings into a range of remaining days", () => {
    expect(parseMaturity("≤ 93 days", "2025-06-30")).toEqual({ minDays: 0, maxDays: 93 });
    // 3 months = 3 × 365 / 12 = 91.25 days
    expect(parseMaturity("3 months", "2025-06-30")).toEqual({ minDays: 91, maxDays: 92 });
    expect(parseMaturity("up to 1 year", "2025-06-30")).toEqual({ minDays: 0, maxDays: 365 });
    expect(parseMaturity("1–3 years", "2025-06-30")).toEqual({ minDays: 365, maxDays: 1095 });
    expect(parseMaturity("> 1y", "2025-06-30")).toEqual({ minDays: 366, maxDays: Infinity });
    expect(parseMaturity("Overnight", "2025-06-30")).toEqual({ minDays: 1, maxDays: 1 });
    // 30 Jun → 30 Sep 2025: 31 + 31 + 30 = 92 days
    expect(parseMaturity("2025-09-30", "2025-06-30")).toEqual({ minDays: 92, maxDays: 92 });
    expect(parseMaturity("short", "2025-06-30")).toBeNull();
    expect(parseMaturity(null, "2025-06-30")).toBeNull();
  });
});

describe("eligible share", () => {
  it("is a lower bound when a maturity-dependent line has no maturity", () => {
    // GENIUS: cash 30 + bills 40 = 70 eligible; notes 20 undetermined; CP 10 not → ≥ 70, at most 90
    const r = eligibleShare(mixed(), genius);
    expect(r.status).toBe("assessed");
    expect(r.share).toMatchObject({ value: "70", bound: "lower" });
    expect(r.upperPossiblePct).toBe("90");
    expect(r.unmappedCategories).toEqual(["treasury_notes_bonds"]);
  });

  it("counts maturity-dependent lines by their reported maturity", () => {
    // ≤ 93 days: 30 + 40 + 20 = 90, exact; 2 years: stays 70, exact
    expect(eligibleShare(mixed("≤ 93 days"), genius).share).toEqual({ value: "90", bound: "exact" });
    expect(eligibleShare(mixed("2 years"), genius).share).toEqual({ value: "70", bound: "exact" });
    expect(eligibleShare(mixed("≤ 1 year"), hk).share).toEqual({ value: "90", bound: "exact" });
    // 1-3 years straddles Hong Kong's one-year limit
    expect(eligibleShare(mixed("1-3 years"), hk).unmappedCategories).toEqual(["treasury_notes_bonds"]);
  });

  it("applies MiCA's mapping and deposit floor", () => {
    // MiCA: cash, bills and notes eligible = 90 %; deposits 30 % meet 30 %, not 60 %
    const r = eligibleShare(mixed(), mica);
    expect(r.share).toEqual({ value: "90", bound: "exact" });
    expect(r.depositFloor).toMatchObject({ requiredPct: "30", status: "meets" });
    expect(eligibleShare(mixed(), mica, { significant: true }).depositFloor).toMatchObject({ requiredPct: "60", status: "below" });
    expect(eligibleShare(mixed(), genius).depositFloor).toBeNull();
  });

  it("counts other / undisclosed as not eligible", () => {
    // cash 50 + undisclosed 50: 50 % eligible, all assessed
    const r = eligibleShare(report([line("cash_deposits", "50"), line("other_undisclosed", "50")], usd("100")), genius);
    expect(r.share).toEqual({ value: "50", bound: "exact" });
  });

  it("says not assessed, never not eligible, when data is missing", () => {
    const none = eligibleShare(report([]), genius);
    expect(none).toMatchObject({ status: "not_assessed", share: null });
    const onlyUndetermined = eligibleShare(report([line("treasury_notes_bonds", "100000000")]), genius);
    expect(onlyUndetermined.status).toBe("not_assessed");
  });

  it("treats the not-captured remainder as possibly eligible", () => {
    // only cash 40 of 100 captured: ≥ 40, at most 100
    const r = eligibleShare(report([line("cash_deposits", "40")], usd("100")), genius);
    expect(r.share).toMatchObject({ value: "40", bound: "lower" });
    expect(r.upperPossiblePct).toBe("100");
  });

  it("works on a share-only composition", () => {
    // Tether 2021-03-31: bills 2.2 + repo 2.7 = 4.9 eligible; CP 50 and corporate 9.96 not; 35.14 not captured → at most 40.04
    const r = eligibleShare(
      report(
        [
          line("tbills_93d", null, { sharePct: "2.2" }),
          line("repo_overnight", null, { sharePct: "2.7" }),
          line("commercial_paper_cds", null, { sharePct: "50" }),
          line("corporate_bonds", null, { sharePct: "9.96" }),
        ],
        null,
      ),
      genius,
    );
    expect(r.share).toMatchObject({ value: "4.9", bound: "lower" });
    expect(r.upperPossiblePct).toBe("40.04");
  });

  it("takes shares of the lines' own sum when lines exceed total reserves", () => {
    // cash 60 + CP 45 = 105 of 100: 60 / 105 × 100 = 57.142857142857...
    const r = eligibleShare(report([line("cash_deposits", "60"), line("commercial_paper_cds", "45")], usd("100")), genius);
    expect(r.share?.value).toBe("57.1428571429");
    expect(r.reason).toMatch(/more than total reserves/);
  });

  it("rejects a reported deposit term beyond Hong Kong's three months", () => {
    const r = eligibleShare(report([line("cash_deposits", "100", { maturity: "6 months" })], usd("100")), hk);
    expect(r.share).toEqual({ value: "0", bound: "exact" });
  });

  it("stays between 0 and 100 for any composition and framework", () => {
    const arbLine = fc.record({
      category: fc.constantFrom(...RESERVE_CATEGORIES),
      amount: fc.option(fc.integer({ min: 0, max: 10 ** 9 }), { nil: null }),
      share: fc.option(
        fc.integer({ min: 0, max: 10000 }).map((n) => new Decimal(n).div(100).toFixed()),
        { nil: null },
      ),
      maturity: fc.constantFrom(null, "≤ 93 days", "2 years", "1-3 years"),
    });
    fc.assert(
      fc.property(
        fc.array(arbLine, { maxLength: 10 }),
        fc.option(fc.integer({ min: 0, max: 2 * 10 ** 9 }), { nil: null }),
        fc.constantFrom(...ELIGIBILITY_FRAMEWORKS),
        (ls, total, f) => {
          const r = eligibleShare(
            report(
              ls.map((l) => line(l.category, l.amount === null ? null : String(l.amount), { sharePct: l.share, maturity: l.maturity })),
              total === null ? null : usd(String(total)),
            ),
            f,
          );
          if (r.share?.value != null) {
            expect(new Decimal(r.share.value).gte(0)).toBe(true);
            expect(new Decimal(r.share.value).lte(100)).toBe(true);
            expect(new Decimal(r.upperPossiblePct as string).gte(r.share.value)).toBe(true);
          } else {
            expect(r.status).toBe("not_assessed");
          }
        },
      ),
    );
  });
});

describe("MiCA deposit floor", () => {
  it("cannot call a partial composition below the floor while the gap could reach it", () => {
    // cash 25 captured, 10 not captured: 25 ≤ true share ≤ 35, floor 30 → not assessed
    expect(depositFloorCheck(report([line("cash_deposits", "25"), line("tbills_93d", "65")], usd("100")), floor).status).toBe(
      "not_assessed",
    );
    // complete: 25 < 30 → below
    expect(depositFloorCheck(report([line("cash_deposits", "25"), line("tbills_93d", "75")], usd("100")), floor).status).toBe("below");
    // 35 ≥ 30 even with a gap → meets
    expect(depositFloorCheck(report([line("cash_deposits", "35")], usd("100")), floor).status).toBe("meets");
  });

  it("does not call a lower-bound deposit figure below the floor", () => {
    const r = depositFloorCheck(
      report([line("cash_deposits", null, { amountUsd: usd("20", "lower_bound") }), line("tbills_93d", "80")], usd("100")),
      floor,
    );
    expect(r.status).toBe("not_assessed");
  });

  it("is not assessed without a composition", () => {
    expect(depositFloorCheck(report([]), floor).status).toBe("not_assessed");
  });
});

describe("rounding of recomputed shares", () => {
  it("does not call a composition that matches its total exactly 'more than total reserves'", () => {
    // 1 + 1 + 4 = 6 = total: shares 16.6666666667 + 16.6666666667 + 66.6666666667 add up to 100.0000000001 by rounding alone.
    const r = report([line("cash_deposits", "1"), line("tbills_93d", "1"), line("gov_mmf", "4")], usd("6"));
    const result = eligibleShare(r, genius);
    expect(result.reason).not.toMatch(/more than total reserves/);
    expect(result.share?.bound).toBe("exact");
    expect(new Decimal(result.share!.value!).toDecimalPlaces(6).toFixed()).toBe("100");
  });
});
