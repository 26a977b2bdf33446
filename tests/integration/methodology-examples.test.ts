// The methodology page's live worked examples: each one is what the metric's
// production function returns for a real published row, and it follows the
// row when the row changes (no number is written into the page or the read model).
import Decimal from "decimal.js";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

import { cadenceAdherence, overdueJudgement, publicationLag } from "@/lib/domain/metrics/cadence";
import { changeSincePrevious, compositionShares } from "@/lib/domain/metrics/composition";
import { coverageRatio, publishedInOrder } from "@/lib/domain/metrics/coverage";
import { METRIC_IDS, type MetricId } from "@/lib/domain/metrics/definitions";
import { depositFloorCheck, eligibleShare, getFramework } from "@/lib/domain/metrics/eligibility";
import { custodianConcentration, liquidityLadder } from "@/lib/domain/metrics/liquidity";
import type { Measured } from "@/lib/domain/precision";
import type { AttestationData } from "@/lib/domain/types";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { attestationInclude, toAttestationData } from "@/lib/server/queries/mappers";

import { richDataset } from "../support/datasets";
import { sql, testPrisma } from "../support/db";

// The read model runs here without Next: its cache calls become no-ops, the queries are real.
vi.mock("next/cache", () => ({ cacheTag: () => {}, cacheLife: () => {} }));
process.env.DATABASE_URL = inject("databaseUrl");
const { liveWorkedExamples } = await import("@/lib/server/queries/methodology-examples");
type Examples = Awaited<ReturnType<typeof liveWorkedExamples>>;

const prisma = testPrisma();
afterAll(async () => {
  await prisma.$disconnect();
});

const plain = (m: Measured | null | undefined) => (m ? { value: m.value, bound: m.bound } : null);

async function report(id: string): Promise<AttestationData> {
  const row = await prisma.attestation.findUniqueOrThrow({ where: { id }, include: attestationInclude });
  return toAttestationData(row);
}

async function issuerReports(slug: string): Promise<AttestationData[]> {
  const rows = await prisma.attestation.findMany({ where: { issuer: { slug }, state: "published" }, include: attestationInclude });
  return publishedInOrder(rows.map(toAttestationData));
}

/** What the production function returns for the example's row, recomputed here from the database, reduced to the fields compared. */
async function recompute(id: MetricId, examples: Examples): Promise<unknown> {
  const ex = examples[id]!;
  const a = await report(ex.report.id);
  const cadence = (await prisma.issuer.findUniqueOrThrow({ where: { slug: ex.issuer.slug } })).declaredCadence;
  switch (id) {
    case "coverage_ratio":
      return plain(coverageRatio(a).coveragePct);
    case "composition_shares":
      return compositionShares(a).categories.map((c) => ({ category: c.category, share: plain(c.sharePct), usd: plain(c.amountUsd) }));
    case "not_captured": {
      const s = compositionShares(a);
      return [plain(s.capturedPct), plain(s.notCapturedPct), plain(s.notCapturedUsd)];
    }
    case "other_undisclosed_share":
      return plain(compositionShares(a).otherUndisclosedPct);
    case "eligible_share": {
      const r = eligibleShare(a, getFramework("us_genius_2025"));
      return [r.status, plain(r.share), r.upperPossiblePct, r.lines.map((l) => l.decision)];
    }
    case "mica_deposit_floor":
      return [false, true].map((s) => {
        const c = depositFloorCheck(a, getFramework("eu_mica_emt").depositFloor!, s);
        return [c.requiredPct, c.status, plain(c.cashDepositsPct)];
      });
    case "publication_lag":
      return publicationLag(a)?.days;
    case "cadence_adherence": {
      const r = examples.cadence_adherence!.result;
      const all = await issuerReports(ex.issuer.slug);
      const c = cadenceAdherence(all, cadence, { from: all[0]!.asOf, to: r.to }, r.to);
      return [c.expectedReports, c.reportsFound, c.adherencePct, all[0]!.asOf];
    }
    case "overdue": {
      const r = examples.overdue!.result;
      const o = overdueJudgement(await issuerReports(ex.issuer.slug), cadence, r.today);
      return [o.status, o.windowStart, o.windowEnd, o.daysOverdue];
    }
    case "longest_gap": {
      const r = examples.longest_gap!.result;
      const all = await issuerReports(ex.issuer.slug);
      return cadenceAdherence(all, cadence, { from: all[0]!.asOf, to: r.to }, r.to).longestGap;
    }
    case "liquidity_ladder": {
      const l = liquidityLadder(a);
      return [l.source, plain(l.within1dPct), plain(l.within7dPct), plain(l.within30dPct)];
    }
    case "concentration": {
      const c = custodianConcentration(a);
      return c.largest ? [c.largest.custodian, plain(c.largest.sharePct)] : null;
    }
    case "change_since_previous": {
      const c = changeSincePrevious(await issuerReports(ex.issuer.slug), a.id)!;
      return [c.previousId, c.changes.map((x) => [x.category, plain(x.ppChange), plain(x.usdChange)])];
    }
  }
}

/** The same fields, read from the read model's result. */
function shown(id: MetricId, examples: Examples): unknown {
  switch (id) {
    case "coverage_ratio":
      return examples.coverage_ratio!.result.coveragePct;
    case "composition_shares":
      return examples.composition_shares!.result.categories.map((c) => ({ category: c.category, share: c.sharePct, usd: c.amountUsd }));
    case "not_captured": {
      const r = examples.not_captured!.result;
      return [r.capturedPct, r.notCapturedPct, r.notCapturedUsd];
    }
    case "other_undisclosed_share":
      return examples.other_undisclosed_share!.result.otherUndisclosedPct;
    case "eligible_share": {
      const r = examples.eligible_share!.result;
      return [r.status, r.share, r.upperPossiblePct, r.lines.map((l) => l.decision)];
    }
    case "mica_deposit_floor":
      return examples.mica_deposit_floor!.result.checks.map((c) => [c.requiredPct, c.status, c.cashDepositsPct]);
    case "publication_lag":
      return examples.publication_lag!.result.days;
    case "cadence_adherence": {
      const r = examples.cadence_adherence!.result;
      return [r.expectedReports, r.reportsFound, r.adherencePct, r.from];
    }
    case "overdue": {
      const r = examples.overdue!.result;
      return [r.status, r.windowStart, r.windowEnd, r.daysOverdue];
    }
    case "longest_gap":
      return examples.longest_gap!.result.gap;
    case "liquidity_ladder": {
      const r = examples.liquidity_ladder!.result;
      return [r.source, r.within1dPct, r.within7dPct, r.within30dPct];
    }
    case "concentration": {
      const r = examples.concentration!.result;
      return r.largest ? [r.largest.custodian, r.largest.sharePct] : null;
    }
    case "change_since_previous": {
      const r = examples.change_since_previous!.result;
      return [r.previousId, r.changes.map((x) => [x.category, x.ppChange, x.usdChange])];
    }
  }
}

/** A month-only as-of date counts as the month's last day. */
const EFFECTIVE_AS_OF = `CASE WHEN a.as_of_precision = 'month' THEN (date_trunc('month', a.as_of) + interval '1 month - 1 day')::date ELSE a.as_of END`;

describe("live worked examples on the methodology page", () => {
  beforeAll(async () => {
    const result = await loadDataset(prisma, richDataset().dataset, "test");
    expect(result.ok, JSON.stringify(result)).toBe(true);
  });

  it("has an example for every metric the loaded data has inputs for", async () => {
    const examples = await liveWorkedExamples();
    expect(Object.keys(examples).sort()).toEqual([...METRIC_IDS].sort());
    // The rich dataset has every input: totals, amounts, shares, custodians, a reported ladder, publication dates, two reports in a row.
    for (const id of METRIC_IDS) expect(examples[id], id).not.toBeNull();
    for (const id of METRIC_IDS) {
      const ex = examples[id]!;
      expect(ex.metricId).toBe(id);
      expect(ex.issuer.name.length).toBeGreaterThan(0);
      expect(ex.inputs.length, id).toBeGreaterThan(0);
    }
  });

  it("shows, for each metric, what the production function returns for that row", async () => {
    const examples = await liveWorkedExamples();
    for (const id of METRIC_IDS) {
      expect(shown(id, examples), id).toEqual(await recompute(id, examples));
    }
  });

  it("picks the rows by the documented rule: real issuers first, then the most recent as-of date", async () => {
    const examples = await liveWorkedExamples();
    const top = async (where: string) => {
      const { rows } = await sql<{ is_demo: boolean; as_of: string }>(
        `SELECT i.is_demo, to_char(${EFFECTIVE_AS_OF}, 'YYYY-MM-DD') AS as_of
           FROM attestation a JOIN issuer i ON i.id = a.issuer_id
          WHERE a.state = 'published' AND ${where}
          ORDER BY i.is_demo, ${EFFECTIVE_AS_OF} DESC LIMIT 1`,
      );
      return rows[0];
    };
    const chosen = async (id: MetricId) => {
      const ex = examples[id]!;
      const { rows } = await sql<{ as_of: string }>(
        `SELECT to_char(${EFFECTIVE_AS_OF}, 'YYYY-MM-DD') AS as_of FROM attestation a WHERE a.id = $1`,
        [ex.report.id],
      );
      return { is_demo: ex.issuer.isDemo, as_of: rows[0]!.as_of };
    };
    expect(await chosen("coverage_ratio")).toEqual(await top("a.total_reserves IS NOT NULL AND a.tokens_outstanding > 0"));
    expect(await chosen("publication_lag")).toEqual(await top("a.published_on IS NOT NULL"));
    expect(await chosen("concentration")).toEqual(
      await top("EXISTS (SELECT 1 FROM composition_line l WHERE l.attestation_id = a.id AND btrim(l.custodian) <> '')"),
    );
  });

  it("follows the underlying row: change its figures and the worked examples change with them", async () => {
    const before = await liveWorkedExamples();
    const coverage = before.coverage_ratio!;
    const composition = before.composition_shares!;

    const {
      rows: [orig],
    } = await sql<{ total_reserves: string; tokens_outstanding: string }>(
      "SELECT total_reserves::text, tokens_outstanding::text FROM attestation WHERE id = $1",
      [coverage.report.id],
    );
    const { rows: lines } = await sql<{ id: string; category: string; amount_usd: string | null; share_pct: string | null }>(
      "SELECT id, category::text, amount_usd::text, share_pct::text FROM composition_line WHERE attestation_id = $1 ORDER BY category, custodian",
      [composition.report.id],
    );
    const changed = lines.find((l) => l.amount_usd !== null)!;
    const {
      rows: [compTotal],
    } = await sql<{ total_reserves: string }>("SELECT total_reserves::text FROM attestation WHERE id = $1", [composition.report.id]);

    const newReserves = new Decimal(orig!.total_reserves).times(2).plus("12345.67").toFixed(2);
    const newAmount = new Decimal(changed.amount_usd!).plus("7654321.09").toFixed(2);
    try {
      await sql("UPDATE attestation SET total_reserves = $1 WHERE id = $2", [newReserves, coverage.report.id]);
      await sql("UPDATE composition_line SET amount_usd = $1 WHERE id = $2", [newAmount, changed.id]);
      const after = await liveWorkedExamples();

      // Coverage: the same report, its ratio recomputed from the new reserves.
      expect(after.coverage_ratio!.report.id).toBe(coverage.report.id);
      const expectedCoverage = new Decimal(newReserves).div(orig!.tokens_outstanding).times(100).toDecimalPlaces(10).toFixed();
      expect(after.coverage_ratio!.result.coveragePct.value).toBe(expectedCoverage);
      expect(after.coverage_ratio!.result.coveragePct.value).not.toBe(coverage.result.coveragePct.value);
      expect(after.coverage_ratio!.inputs).toContainEqual(
        expect.objectContaining({ kind: "usd", key: "totalReserves", value: new Decimal(newReserves).toFixed() }),
      );

      // Composition: the same report, the changed line's category share recomputed from its new amount.
      expect(after.composition_shares!.report.id).toBe(composition.report.id);
      const total = coverage.report.id === composition.report.id ? newReserves : compTotal!.total_reserves;
      const amounts = lines.map((l) => (l.id === changed.id ? { ...l, amount_usd: newAmount } : l));
      const expectedShare = amounts
        .filter((l) => l.category === changed.category)
        .reduce(
          (sum, l) =>
            sum.plus(
              l.amount_usd !== null ? new Decimal(l.amount_usd).div(total).times(100).toDecimalPlaces(10) : new Decimal(l.share_pct!),
            ),
          new Decimal(0),
        )
        .toDecimalPlaces(10)
        .toFixed();
      const shareOf = (ex: Examples) =>
        ex.composition_shares!.result.categories.find((c) => c.category === changed.category)!.sharePct.value;
      expect(shareOf(after)).toBe(expectedShare);
      expect(shareOf(after)).not.toBe(shareOf(before));
      // And the whole example still equals the production function on the changed row.
      for (const id of ["coverage_ratio", "composition_shares", "not_captured"] as const) {
        expect(shown(id, after), id).toEqual(await recompute(id, after));
      }
    } finally {
      await sql("UPDATE attestation SET total_reserves = $1 WHERE id = $2", [orig!.total_reserves, coverage.report.id]);
      await sql("UPDATE composition_line SET amount_usd = $1 WHERE id = $2", [changed.amount_usd, changed.id]);
    }
    expect(shown("coverage_ratio", await liveWorkedExamples())).toEqual(coverage.result.coveragePct);
  });
});
