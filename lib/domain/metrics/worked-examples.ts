// Worked examples for the methodology page, computed (pure): for each metric, one real
// published row run through the very function the metric's definition names.
// lib/server/queries/methodology-examples.ts reads the rows; the rule for which row is
// documented there.
import {
  cadenceAdherence,
  effectiveAsOf,
  overdueJudgement,
  publicationLag,
  type CadenceReport,
  type OverdueJudgement,
} from "@/lib/domain/metrics/cadence";
import { changeSincePrevious, compositionShares } from "@/lib/domain/metrics/composition";
import { coverageRatio, publishedInOrder } from "@/lib/domain/metrics/coverage";
import { METRIC_IDS, type MetricId } from "@/lib/domain/metrics/definitions";
import { depositFloorCheck, eligibleShare, getFramework, type LineDecision } from "@/lib/domain/metrics/eligibility";
import { custodianConcentration, liquidityLadder } from "@/lib/domain/metrics/liquidity";
import type { Bound, Measured } from "@/lib/domain/precision";
import type { Cadence, DatePrecision, Precision, ReportScope, ReportType, ReserveCategory } from "@/lib/domain/taxonomy";
import type { AttestationData, Figure } from "@/lib/domain/types";

/** The framework the eligible-share example uses. */
export const LIVE_ELIGIBILITY_FRAMEWORK = "us_genius_2025" as const;

/** A measured value without its English reason (the page words reasons from the catalogue). */
export interface LiveMeasured {
  value: string | null;
  bound: Bound;
}

export type LiveInput =
  | { kind: "usd"; key: "totalReserves" | "tokensOutstanding"; value: string; precision: Precision }
  | {
      kind: "line";
      category: ReserveCategory;
      custodian: string | null;
      maturity: string | null;
      amountUsd: Figure | null;
      /** Percent as the source states it. */
      statedSharePct: string | null;
    }
  | { kind: "reportedPct"; key: "within1d" | "within7d" | "within30d"; value: string }
  | { kind: "date"; key: "asOf" | "publishedOn" | "from" | "to" | "lastAsOf" | "today"; value: string; precision: DatePrecision }
  | { kind: "scope"; value: ReportScope }
  | { kind: "cadence"; value: Cadence }
  | { kind: "count"; key: "publishedReports" | "reportDates"; value: number }
  | { kind: "lags"; values: number[] }
  | { kind: "previousReport"; asOf: string; asOfPrecision: DatePrecision; reportType: ReportType; totalReserves: Figure | null };

export interface LiveResults {
  coverage_ratio: { coveragePct: LiveMeasured; onGroupTotals: boolean };
  composition_shares: { categories: { category: ReserveCategory; sharePct: LiveMeasured; amountUsd: LiveMeasured }[] };
  not_captured: { capturedPct: LiveMeasured; notCapturedPct: LiveMeasured; notCapturedUsd: LiveMeasured };
  other_undisclosed_share: { otherUndisclosedPct: LiveMeasured };
  eligible_share: {
    frameworkId: typeof LIVE_ELIGIBILITY_FRAMEWORK;
    frameworkName: string;
    status: "assessed" | "not_assessed";
    share: LiveMeasured | null;
    upperPossiblePct: string | null;
    unmappedCategories: ReserveCategory[];
    lines: { category: ReserveCategory; custodian: string | null; sharePct: LiveMeasured; decision: LineDecision }[];
  };
  mica_deposit_floor: {
    checks: { significant: boolean; requiredPct: string; cashDepositsPct: LiveMeasured; status: "meets" | "below" | "not_assessed" }[];
  };
  publication_lag: { days: number; fromMonthEnd: boolean; countedFrom: string };
  cadence_adherence: Pick<
    CadenceReport,
    "cadence" | "from" | "to" | "expectedReports" | "reportsFound" | "missingReports" | "adherencePct"
  >;
  overdue: Omit<OverdueJudgement, "explanation"> & { today: string };
  longest_gap: { from: string; to: string; gap: { days: number; from: string; to: string } };
  liquidity_ladder: {
    source: "reported" | "derived" | "not_available";
    within1dPct: LiveMeasured;
    within7dPct: LiveMeasured;
    within30dPct: LiveMeasured;
    unknownPct: LiveMeasured | null;
  };
  concentration: {
    status: "reported" | "not_reported";
    largest: { custodian: string; sharePct: LiveMeasured } | null;
    custodians: { custodian: string; sharePct: LiveMeasured }[];
  };
  change_since_previous: {
    previousId: string;
    differentScope: boolean;
    changes: {
      category: ReserveCategory;
      previousPct: LiveMeasured;
      currentPct: LiveMeasured;
      ppChange: LiveMeasured;
      usdChange: LiveMeasured;
    }[];
  };
}

export interface LiveWorkedExample<K extends MetricId = MetricId> {
  metricId: K;
  issuer: { slug: string; name: string; isDemo: boolean };
  /** The report the example reads; for issuer-level metrics, the issuer's latest published report. */
  report: {
    id: string;
    asOf: string;
    asOfPrecision: DatePrecision;
    reportType: ReportType;
    publishedOn: string | null;
    sourceUrl: string | null;
    reportUrl: string | null;
  };
  inputs: LiveInput[];
  result: LiveResults[K];
}

export type LiveWorkedExamples = { [K in MetricId]: LiveWorkedExample<K> | null };

export interface LiveIssuerRow {
  slug: string;
  name: string;
  isDemo: boolean;
  declaredCadence: Cadence;
}
/** A published report with the issuer fields the selection needs. */
export interface LiveRow {
  issuer: LiveIssuerRow;
  a: AttestationData;
}

const plain = (m: Measured): LiveMeasured => ({ value: m.value, bound: m.bound });
const usable = (f: Figure | null) => f !== null && Number(f.value) > 0;

/** Real issuers first, then the newest effective as-of, then slug, report type and id. */
function compareRows(x: LiveRow, y: LiveRow): number {
  return (
    Number(x.issuer.isDemo) - Number(y.issuer.isDemo) ||
    effectiveAsOf(y.a).localeCompare(effectiveAsOf(x.a)) ||
    x.issuer.slug.localeCompare(y.issuer.slug) ||
    x.a.reportType.localeCompare(y.a.reportType) ||
    x.a.id.localeCompare(y.a.id)
  );
}

function reportOf(a: AttestationData): LiveWorkedExample["report"] {
  return {
    id: a.id,
    asOf: a.asOf,
    asOfPrecision: a.asOfPrecision,
    reportType: a.reportType,
    publishedOn: a.publishedOn,
    sourceUrl: a.sourceUrl,
    reportUrl: a.reportUrl,
  };
}

const lineInputs = (a: AttestationData): LiveInput[] =>
  a.composition.map((l) => ({
    kind: "line",
    category: l.category,
    custodian: l.custodian,
    maturity: l.maturity,
    amountUsd: l.amountUsd,
    statedSharePct: l.sharePct,
  }));

function figureInputs(a: AttestationData, keys: ("totalReserves" | "tokensOutstanding")[]): LiveInput[] {
  return keys.flatMap((key): LiveInput[] => {
    const f = a[key];
    return f ? [{ kind: "usd", key, value: f.value, precision: f.precision }] : [];
  });
}

const date = (
  key: "asOf" | "publishedOn" | "from" | "to" | "lastAsOf" | "today",
  value: string,
  precision: DatePrecision = "day",
): LiveInput => ({
  kind: "date",
  key,
  value,
  precision,
});

/**
 * Runs the metric's production function on the chosen row; every result below
 * is a field of what that function returns, untouched but for dropping English
 * reasons. `byIssuer` holds each issuer's published reports (for the metrics
 * that read an issuer's series or compare a report with the previous one).
 */
type Builder<K extends MetricId> = (rows: LiveRow[], byIssuer: Map<string, LiveRow[]>, today: string) => LiveWorkedExample<K> | null;

function first<K extends MetricId>(
  metricId: K,
  rows: LiveRow[],
  has: (a: AttestationData) => boolean,
  build: (a: AttestationData) => Pick<LiveWorkedExample<K>, "inputs" | "result">,
): LiveWorkedExample<K> | null {
  const row = rows.find((r) => has(r.a));
  if (!row) return null;
  const { slug, name, isDemo } = row.issuer;
  return { metricId, issuer: { slug, name, isDemo }, report: reportOf(row.a), ...build(row.a) };
}

/** Issuers in row order (by their latest report), each with its published reports oldest first. */
function firstIssuer<K extends MetricId>(
  metricId: K,
  rows: LiveRow[],
  byIssuer: Map<string, LiveRow[]>,
  build: (issuer: LiveIssuerRow, reports: AttestationData[]) => Pick<LiveWorkedExample<K>, "inputs" | "result"> | null,
): LiveWorkedExample<K> | null {
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.issuer.slug)) continue;
    seen.add(r.issuer.slug);
    const reports = publishedInOrder((byIssuer.get(r.issuer.slug) ?? []).map((x) => x.a));
    const built = build(r.issuer, reports);
    if (built) {
      const { slug, name, isDemo } = r.issuer;
      // r is the issuer's first row in the order: its latest report.
      return { metricId, issuer: { slug, name, isDemo }, report: reportOf(r.a), ...built };
    }
  }
  return null;
}

const BUILDERS: { [K in MetricId]: Builder<K> } = {
  coverage_ratio: (rows) =>
    first(
      "coverage_ratio",
      rows,
      (a) => a.totalReserves !== null && usable(a.tokensOutstanding),
      (a) => {
        const c = coverageRatio(a);
        return {
          inputs: [...figureInputs(a, ["totalReserves", "tokensOutstanding"]), { kind: "scope", value: a.scope }],
          result: { coveragePct: plain(c.coveragePct), onGroupTotals: c.onGroupTotals },
        };
      },
    ),

  composition_shares: (rows) =>
    first(
      "composition_shares",
      rows,
      (a) => usable(a.totalReserves) && a.composition.some((l) => l.amountUsd !== null),
      (a) => ({
        inputs: [...figureInputs(a, ["totalReserves"]), ...lineInputs(a)],
        result: {
          categories: compositionShares(a).categories.map((c) => ({
            category: c.category,
            sharePct: plain(c.sharePct),
            amountUsd: plain(c.amountUsd),
          })),
        },
      }),
    ),

  not_captured: (rows) =>
    first(
      "not_captured",
      rows,
      (a) => usable(a.totalReserves) && a.composition.length > 0 && a.composition.every((l) => l.amountUsd !== null),
      (a) => {
        const s = compositionShares(a);
        return {
          inputs: [...figureInputs(a, ["totalReserves"]), ...lineInputs(a)],
          result: { capturedPct: plain(s.capturedPct), notCapturedPct: plain(s.notCapturedPct), notCapturedUsd: plain(s.notCapturedUsd) },
        };
      },
    ),

  other_undisclosed_share: (rows) =>
    first(
      "other_undisclosed_share",
      rows,
      (a) => a.composition.some((l) => l.category === "other_undisclosed"),
      (a) => ({
        inputs: [...figureInputs(a, ["totalReserves"]), ...lineInputs(a)],
        result: { otherUndisclosedPct: plain(compositionShares(a).otherUndisclosedPct) },
      }),
    ),

  eligible_share: (rows) =>
    first(
      "eligible_share",
      rows,
      (a) => a.composition.length > 0,
      (a) => {
        const framework = getFramework(LIVE_ELIGIBILITY_FRAMEWORK);
        const r = eligibleShare(a, framework);
        return {
          inputs: [...figureInputs(a, ["totalReserves"]), ...lineInputs(a)],
          result: {
            frameworkId: LIVE_ELIGIBILITY_FRAMEWORK,
            frameworkName: framework.name,
            status: r.status,
            share: r.share ? plain(r.share) : null,
            upperPossiblePct: r.upperPossiblePct,
            unmappedCategories: r.unmappedCategories,
            lines: r.lines.map((l) => ({
              category: l.category,
              custodian: l.custodian,
              sharePct: plain(l.sharePct),
              decision: l.decision,
            })),
          },
        };
      },
    ),

  mica_deposit_floor: (rows) =>
    first(
      "mica_deposit_floor",
      rows,
      (a) => a.composition.some((l) => l.category === "cash_deposits"),
      (a) => {
        const floor = getFramework("eu_mica_emt").depositFloor;
        if (!floor) throw new Error("MiCA rule table has no deposit floor");
        return {
          inputs: [...figureInputs(a, ["totalReserves"]), ...lineInputs(a)],
          result: {
            checks: [false, true].map((significant) => {
              const c = depositFloorCheck(a, floor, significant);
              return { significant, requiredPct: c.requiredPct, cashDepositsPct: plain(c.cashDepositsPct), status: c.status };
            }),
          },
        };
      },
    ),

  publication_lag: (rows) =>
    first(
      "publication_lag",
      rows,
      (a) => a.publishedOn !== null,
      (a) => {
        const lag = publicationLag(a);
        if (!lag) throw new Error("publicationLag gave no lag for a report with a publication date");
        return {
          inputs: [date("asOf", a.asOf, a.asOfPrecision), date("publishedOn", a.publishedOn as string)],
          result: { days: lag.days, fromMonthEnd: lag.fromMonthEnd, countedFrom: effectiveAsOf(a) },
        };
      },
    ),

  // The range is the issuer page's: from the first report's as-of date to today.
  cadence_adherence: (rows, byIssuer, today) =>
    firstIssuer("cadence_adherence", rows, byIssuer, (issuer, reports) => {
      if (issuer.declaredCadence === "none" || reports.length < 2) return null;
      const range = { from: (reports[0] as AttestationData).asOf, to: today };
      const c = cadenceAdherence(reports, issuer.declaredCadence, range, today);
      return {
        inputs: [
          { kind: "cadence", value: issuer.declaredCadence },
          date("from", range.from),
          date("to", range.to),
          { kind: "count", key: "publishedReports", value: reports.length },
        ],
        result: {
          cadence: c.cadence,
          from: c.from,
          to: c.to,
          expectedReports: c.expectedReports,
          reportsFound: c.reportsFound,
          missingReports: c.missingReports,
          adherencePct: c.adherencePct,
        },
      };
    }),

  overdue: (rows, byIssuer, today) =>
    firstIssuer("overdue", rows, byIssuer, (issuer, reports) => {
      if (issuer.declaredCadence === "none" || !reports.some((a) => a.publishedOn !== null && a.publishedOn <= today)) return null;
      const o = overdueJudgement(reports, issuer.declaredCadence, today);
      const lags = reports.filter((a) => a.asOf <= today && (a.publishedOn === null || a.publishedOn <= today)).map(publicationLag);
      return {
        inputs: [
          { kind: "cadence", value: issuer.declaredCadence },
          ...(o.lastAsOf ? [date("lastAsOf", o.lastAsOf)] : []),
          { kind: "lags", values: lags.filter((l) => l !== null).map((l) => l.days) },
          date("today", today),
        ],
        result: {
          today,
          status: o.status,
          lastAsOf: o.lastAsOf,
          nextExpectedAsOf: o.nextExpectedAsOf,
          windowStart: o.windowStart,
          windowEnd: o.windowEnd,
          daysOverdue: o.daysOverdue,
          minLagDays: o.minLagDays,
          typicalLagDays: o.typicalLagDays,
          graceDays: o.graceDays,
          usedDefaultLag: o.usedDefaultLag,
        },
      };
    }),

  longest_gap: (rows, byIssuer, today) =>
    firstIssuer("longest_gap", rows, byIssuer, (issuer, reports) => {
      if (reports.length < 2) return null;
      const range = { from: (reports[0] as AttestationData).asOf, to: today };
      const c = cadenceAdherence(reports, issuer.declaredCadence, range, today);
      if (!c.longestGap) return null;
      return {
        inputs: [date("from", range.from), date("to", range.to), { kind: "count", key: "reportDates", value: c.reportsFound }],
        result: { from: c.from, to: c.to, gap: c.longestGap },
      };
    }),

  liquidity_ladder: (rows) =>
    first(
      "liquidity_ladder",
      rows,
      (a) => a.composition.length > 0 || Object.values(a.liquidity).some((v) => v !== null),
      (a) => {
        const l = liquidityLadder(a);
        const reported = (["within1d", "within7d", "within30d"] as const).flatMap((key): LiveInput[] => {
          const v = a.liquidity[`${key}Pct`];
          return v === null ? [] : [{ kind: "reportedPct", key, value: v }];
        });
        return {
          inputs: l.source === "reported" ? reported : [...figureInputs(a, ["totalReserves"]), ...lineInputs(a)],
          result: {
            source: l.source,
            within1dPct: plain(l.within1dPct),
            within7dPct: plain(l.within7dPct),
            within30dPct: plain(l.within30dPct),
            unknownPct: l.unknownPct ? plain(l.unknownPct) : null,
          },
        };
      },
    ),

  concentration: (rows) =>
    first(
      "concentration",
      rows,
      (a) => a.composition.some((l) => (l.custodian ?? "").trim() !== ""),
      (a) => {
        const c = custodianConcentration(a);
        return {
          inputs: [...figureInputs(a, ["totalReserves"]), ...lineInputs(a)],
          result: {
            status: c.status,
            largest: c.largest ? { custodian: c.largest.custodian, sharePct: plain(c.largest.sharePct) } : null,
            custodians: c.custodians.map((x) => ({ custodian: x.custodian, sharePct: plain(x.sharePct) })),
          },
        };
      },
    ),

  change_since_previous: (rows, byIssuer) => {
    const all = (r: LiveRow) => (byIssuer.get(r.issuer.slug) ?? []).map((x) => x.a);
    const row = rows.find((r) => {
      if (r.a.composition.length === 0) return false;
      const change = changeSincePrevious(all(r), r.a.id);
      const previous = change?.previousId ? all(r).find((a) => a.id === change.previousId) : undefined;
      return previous !== undefined && previous.composition.length > 0;
    });
    if (!row) return null;
    const change = changeSincePrevious(all(row), row.a.id);
    const previous = change?.previousId ? all(row).find((a) => a.id === change.previousId) : undefined;
    if (!change || !previous) return null;
    const { slug, name, isDemo } = row.issuer;
    return {
      metricId: "change_since_previous",
      issuer: { slug, name, isDemo },
      report: reportOf(row.a),
      inputs: [
        {
          kind: "previousReport",
          asOf: previous.asOf,
          asOfPrecision: previous.asOfPrecision,
          reportType: previous.reportType,
          totalReserves: previous.totalReserves,
        },
        ...figureInputs(row.a, ["totalReserves"]),
      ],
      result: {
        previousId: previous.id,
        differentScope: change.note !== null,
        changes: change.changes.map((c) => ({
          category: c.category,
          previousPct: plain(c.previousPct),
          currentPct: plain(c.currentPct),
          ppChange: plain(c.ppChange),
          usdChange: plain(c.usdChange),
        })),
      },
    };
  },
};

/** Builds the examples from already loaded rows (exported for tests; the page uses liveWorkedExamples()). */
export function buildLiveWorkedExamples(rows: LiveRow[], today: string): LiveWorkedExamples {
  const ordered = [...rows].sort(compareRows);
  const byIssuer = new Map<string, LiveRow[]>();
  for (const r of ordered) byIssuer.set(r.issuer.slug, [...(byIssuer.get(r.issuer.slug) ?? []), r]);
  const out = {} as Record<MetricId, LiveWorkedExample | null>;
  for (const id of METRIC_IDS) out[id] = (BUILDERS[id] as Builder<MetricId>)(ordered, byIssuer, today);
  return out as LiveWorkedExamples;
}
