import { describe, expect, it } from "vitest";

import { custodianConcentration, LIQUIDITY_ASSUMPTIONS, liquidityLadder } from "@/lib/domain/metrics/liquidity";
import type { ReserveCategory } from "@/lib/domain/taxonomy";
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
function report(composition: CompositionLineData[], extra: Partial<AttestationData> = {}): AttestationData {
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
    totalReserves: usd("100"),
    liquidity: { within1dPct: null, within7dPct: null, within30dPct: null },
    notes: null,
    state: "published",
    revision: 1,
    retractedReason: null,
    composition,
    ...extra,
  };
}

describe("liquidity ladder", () => {
  it("uses the report's own ladder when it gives one", () => {
    const r = liquidityLadder(
      report([line("cash_deposits", "100")], { liquidity: { within1dPct: "45.5", within7dPct: "80", within30dPct: null } }),
    );
    expect(r.source).toBe("reported");
    expect(r.within1dPct).toEqual({ value: "45.5", bound: "exact" });
    expect(r.within30dPct.value).toBeNull();
  });

  it("derives a cumulative ladder from the categories, with the assumptions", () => {
    // cash 30 (1 d); bills 40 (7 d); notes 20 and CP 10 (30 d) → 30, 70, 100
    const r = liquidityLadder(
      report([
        line("cash_deposits", "30"),
        line("tbills_93d", "40"),
        line("treasury_notes_bonds", "20"),
        line("commercial_paper_cds", "10"),
      ]),
    );
    expect(r.source).toBe("derived");
    expect([r.within1dPct, r.within7dPct, r.within30dPct]).toEqual([
      { value: "30", bound: "exact" },
      { value: "70", bound: "exact" },
      { value: "100", bound: "exact" },
    ]);
    expect(r.unknownPct?.value).toBe("0");
    expect(r.assumptions).toHaveLength(4);
  });

  it("makes derived figures lower bounds when undisclosed or uncaptured reserves remain", () => {
    // cash 20 + gov MMF 10 = 30 (1 d); + bills 40 = 70 (7 d); corporate 20 beyond 30 d; undisclosed 10 unknown
    const r = liquidityLadder(
      report([
        line("cash_deposits", "20"),
        line("gov_mmf", "10"),
        line("tbills_93d", "40"),
        line("corporate_bonds", "20"),
        line("other_undisclosed", "10"),
      ]),
    );
    expect([r.within1dPct.value, r.within7dPct.value, r.within30dPct.value]).toEqual(["30", "70", "70"]);
    expect(r.within1dPct.bound).toBe("lower");
    expect(r.unknownPct?.value).toBe("10");
    // a partial composition: cash 50 of 100 captured → ≥ 50 within a day, 50 unknown
    const partial = liquidityLadder(report([line("cash_deposits", "50")]));
    expect(partial.within1dPct).toMatchObject({ value: "50", bound: "lower" });
    expect(partial.unknownPct?.value).toBe("50");
  });

  it("is not available without a ladder or a composition", () => {
    expect(liquidityLadder(report([])).source).toBe("not_available");
  });

  it("states the bucket assumptions of the methodology", () => {
    const buckets = Object.fromEntries(Object.entries(LIQUIDITY_ASSUMPTIONS).map(([c, a]) => [c, a.bucket]));
    expect(buckets).toEqual({
      cash_deposits: "1d",
      repo_overnight: "1d",
      gov_mmf: "1d",
      tbills_93d: "7d",
      other_mmf: "7d",
      commercial_paper_cds: "30d",
      treasury_notes_bonds: "30d",
      corporate_bonds: "beyond_30d",
      secured_loans: "beyond_30d",
      onchain_crypto: "beyond_30d",
      precious_metals: "beyond_30d",
      other_undisclosed: "unknown",
    });
  });
});

describe("custodian concentration", () => {
  it("finds the largest named custodian, as a lower bound when some reserves have none named", () => {
    // Bank A 15, Bank B 25, bills 60 unnamed → Bank B ≥ 25
    const r = custodianConcentration(
      report([
        line("cash_deposits", "15", { custodian: "Bank A" }),
        line("cash_deposits", "25", { custodian: "Bank B" }),
        line("tbills_93d", "60"),
      ]),
    );
    expect(r.status).toBe("reported");
    expect(r.largest).toEqual({ custodian: "Bank B", sharePct: expect.objectContaining({ value: "25", bound: "lower" }) });
  });

  it("adds lines of the same institution written differently", () => {
    // "Bank A" 30 + "bank  a" 30 = 60; Custodian C 40; all reserves named → exact
    const r = custodianConcentration(
      report([
        line("cash_deposits", "30", { custodian: "Bank A" }),
        line("tbills_93d", "30", { custodian: "bank  a" }),
        line("gov_mmf", "40", { custodian: "Custodian C" }),
      ]),
    );
    expect(r.largest).toEqual({ custodian: "Bank A", sharePct: { value: "60", bound: "exact" } });
    expect(r.custodians.map((c) => c.custodian)).toEqual(["Bank A", "Custodian C"]);
  });

  it("says not reported when no line names a custodian", () => {
    const r = custodianConcentration(report([line("cash_deposits", "100", { custodian: "" }), line("tbills_93d", "0")]));
    expect(r).toMatchObject({ status: "not_reported", largest: null });
  });

  it("works on share-only lines", () => {
    const r = custodianConcentration(
      report([line("cash_deposits", null, { sharePct: "12.5", custodian: "Bank A" })], { totalReserves: null }),
    );
    expect(r.largest?.sharePct).toMatchObject({ value: "12.5", bound: "lower" });
  });
});
