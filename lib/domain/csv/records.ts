// Stored facts → CSV rows, one builder per file (composition.csv is written by
// PostgreSQL itself, see lib/server/queries/csv-export.ts). The computed columns
// call the very functions the pages call, so a CSV figure and the page's agree.
// Every cell passes through neutralise() on the way out.
import { formatAsOf } from "@/lib/domain/dates";
import { publicationLag } from "@/lib/domain/metrics/cadence";
import { compositionShares } from "@/lib/domain/metrics/composition";
import { coverageRatio } from "@/lib/domain/metrics/coverage";
import type { Measured } from "@/lib/domain/precision";
import { RESERVE_CATEGORIES, type DatePrecision } from "@/lib/domain/taxonomy";
import type { AttestationData, IssuerData, StressEventData } from "@/lib/domain/types";

import type { CsvKind, CsvRecord } from "./columns";
import { neutralise } from "./neutralise";

/** The home comparison figures of one issuer (lib/server/queries/comparison.ts) and the day they were judged on. */
export interface IssuerComputed {
  latest: { asOf: string; asOfPrecision: DatePrecision; sourceUrl: string | null; reportUrl: string | null } | null;
  coveragePct: Measured | null;
  coverageOnGroupTotals: boolean;
  otherUndisclosedPct: Measured | null;
  /** As-of date of the report the composition figures come from (compositionSource: a breakdown covering enough of reserves). */
  compositionAsOf: string | null;
  daysSinceAsOf: number | null;
  reportsLast12Months: number;
  expectedLast12Months: number | null;
  overdue: { status: string; daysOverdue: number | null };
  stressEventCount: number;
  judgedOn: string;
}

/** What every file states about itself (the computed_methodology_version and computed_data_as_of columns). */
export interface ExportMeta {
  methodologyVersion: string;
  /** ISO 8601 UTC, or null for an empty database. */
  dataAsOf: string | null;
}
const metaCells = (m: ExportMeta) => ({ computed_methodology_version: m.methodologyVersion, computed_data_as_of: m.dataAsOf });

export const LIST_SEPARATOR = "; ";

function finish<K extends CsvKind>(record: CsvRecord<K>): CsvRecord<K> {
  const out = {} as Record<string, string | null>;
  for (const [k, v] of Object.entries(record) as [string, string | null][]) out[k] = v === null ? null : neutralise(v);
  return out as CsvRecord<K>;
}

const list = (xs: readonly string[]) => (xs.length ? xs.join(LIST_SEPARATOR) : null);
const num = (n: number | null | undefined) => (n === null || n === undefined ? null : String(n));
const bool = (b: boolean) => (b ? "true" : "false");
const json = (xs: readonly object[]) => (xs.length ? JSON.stringify(xs) : null);
const measuredValue = (m: Measured | null) => m?.value ?? null;
const measuredBound = (m: Measured | null) => (m ? m.bound : null);

export function issuerRecord(i: IssuerData, c: IssuerComputed | null, meta: ExportMeta): CsvRecord<"issuers"> {
  return finish<"issuers">({
    ...metaCells(meta),
    slug: i.slug,
    name: i.name,
    token_symbol: list(i.tokenSymbols),
    legal_entity: i.legalEntity,
    home_jurisdiction: i.homeJurisdiction,
    backing_model: i.backingModel,
    status: i.status,
    declared_cadence: i.declaredCadence,
    attestation_firms: i.attestationFirms,
    custodians_or_banks: list(i.counterparties.map((p) => p.name)),
    website: i.website,
    source_url: i.sourceUrl,
    chains: list(i.chains),
    description: i.description,
    redemption_eligibility: i.redemption.eligibility,
    redemption_minimum_usd: i.redemption.minimumUsd,
    redemption_fee: i.redemption.fee,
    redemption_settlement: i.redemption.settlement,
    is_demo: bool(i.isDemo),
    counterparties_json: json(i.counterparties.map((p) => ({ name: p.name, role: p.role, source_url: p.sourceUrl }))),
    licences_json: json(
      i.licences.map((l) => ({
        regulator: l.regulator,
        licence: l.licence,
        jurisdiction: l.jurisdiction,
        since: l.since,
        source_url: l.sourceUrl,
      })),
    ),
    computed_latest_as_of: c?.latest ? formatAsOf(c.latest.asOf, c.latest.asOfPrecision) : null,
    computed_latest_report_url: c?.latest ? (c.latest.sourceUrl ?? c.latest.reportUrl) : null,
    computed_coverage_pct: measuredValue(c?.coveragePct ?? null),
    computed_coverage_bound: measuredBound(c?.coveragePct ?? null),
    computed_coverage_on_group_totals: c?.latest ? bool(c.coverageOnGroupTotals) : null,
    computed_composition_as_of: c?.compositionAsOf ?? null,
    computed_other_undisclosed_pct: measuredValue(c?.otherUndisclosedPct ?? null),
    computed_other_undisclosed_bound: measuredBound(c?.otherUndisclosedPct ?? null),
    computed_days_since_as_of: num(c?.daysSinceAsOf),
    computed_reports_last_12_months: num(c?.reportsLast12Months),
    computed_expected_last_12_months: num(c?.expectedLast12Months),
    computed_overdue_status: c?.overdue.status ?? null,
    computed_days_overdue: num(c?.overdue.daysOverdue),
    computed_stress_event_count: num(c?.stressEventCount),
    computed_judged_on: c?.judgedOn ?? null,
  });
}

export function reportRecord(a: AttestationData, meta: ExportMeta): CsvRecord<"reports"> {
  const coverage = coverageRatio(a);
  const lag = publicationLag(a);
  const note = [coverage.coveragePct.reason, coverage.label].filter(Boolean).join("; ");
  return finish<"reports">({
    ...metaCells(meta),
    issuer_slug: a.issuerSlug,
    as_of: formatAsOf(a.asOf, a.asOfPrecision),
    as_of_precision: a.asOfPrecision,
    published: a.publishedOn,
    report_type: a.reportType,
    assurance: a.assurance,
    firm: a.firm,
    scope: a.scope,
    tokens_outstanding_usd: a.tokensOutstanding?.value ?? null,
    tokens_precision: a.tokensOutstanding?.precision ?? null,
    total_reserves_usd: a.totalReserves?.value ?? null,
    reserves_precision: a.totalReserves?.precision ?? null,
    source_url: a.sourceUrl,
    source_kind: a.sourceKind,
    primary_report_url: a.reportUrl,
    note: a.notes,
    standard: a.standard,
    opinion: a.opinion,
    report_sha256: a.reportSha256,
    liquidity_1d_pct: a.liquidity.within1dPct,
    liquidity_7d_pct: a.liquidity.within7dPct,
    liquidity_30d_pct: a.liquidity.within30dPct,
    state: a.state,
    retracted_reason: a.retractedReason,
    revision: String(a.revision),
    computed_coverage_pct: coverage.coveragePct.value,
    computed_coverage_bound: coverage.coveragePct.bound,
    computed_coverage_note: note || null,
    computed_publication_lag_days: num(lag?.days),
  });
}

export function compositionWideRecord(a: AttestationData, meta: ExportMeta): CsvRecord<"compositionWide"> {
  const shares = compositionShares(a);
  const byCategory = new Map(shares.categories.map((c) => [c.category, c.sharePct]));
  const perCategory = Object.fromEntries(
    RESERVE_CATEGORIES.map((c) => [`computed_share_pct_${c}`, byCategory.get(c)?.value ?? null]),
  ) as Record<`computed_share_pct_${(typeof RESERVE_CATEGORIES)[number]}`, string | null>;
  const bounds = shares.categories.filter((c) => c.sharePct.bound !== "exact").map((c) => `${c.category}=${c.sharePct.bound}`);
  return finish<"compositionWide">({
    ...metaCells(meta),
    issuer_slug: a.issuerSlug,
    as_of: formatAsOf(a.asOf, a.asOfPrecision),
    report_type: a.reportType,
    scope: a.scope,
    total_reserves_usd: a.totalReserves?.value ?? null,
    reserves_precision: a.totalReserves?.precision ?? null,
    source_url: a.sourceUrl,
    primary_report_url: a.reportUrl,
    state: a.state,
    ...perCategory,
    computed_not_captured_pct: shares.notCapturedPct.value,
    computed_share_bounds: list(bounds),
  });
}

export function stressEventRecord(e: StressEventData, meta: ExportMeta): CsvRecord<"stressEvents"> {
  return finish<"stressEvents">({
    ...metaCells(meta),
    issuer_slug: e.issuerSlug,
    start_date: e.startDate,
    end_date: e.endDate,
    kind: e.kind,
    lowest_price: e.lowestPrice,
    reserve_exposure_usd: e.reserveExposureUsd?.value ?? null,
    summary: e.summary,
    source_url: e.sources[0]?.url ?? null,
    exposure_precision: e.reserveExposureUsd?.precision ?? null,
    issuer_response: e.issuerResponse,
    sources_json: json(e.sources.map((s) => ({ url: s.url, title: s.title }))),
  });
}
