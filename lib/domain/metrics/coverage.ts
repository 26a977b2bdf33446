// Coverage ratio: total reserves / tokens outstanding, per report and over time.
import Decimal from "decimal.js";

import { divideMeasured, fromFigure, unknown, type Measured } from "@/lib/domain/precision";
import type { DatePrecision, ReportScope } from "@/lib/domain/taxonomy";
import type { AttestationData } from "@/lib/domain/types";

/** Shown beside any ratio computed on whole-group totals (README "Scope"). */
export const GROUP_SCOPE_LABEL = "group assets / token liabilities, not a reserve coverage ratio";

export interface CoverageResult {
  attestationId: string;
  issuerSlug: string;
  asOf: string;
  asOfPrecision: DatePrecision;
  scope: ReportScope;
  /** Percent (100 = reserves equal tokens). Value null, with a reason, when it cannot be computed. */
  coveragePct: Measured;
  /** True when the figures are a whole group's assets and token liabilities. */
  onGroupTotals: boolean;
  label: string | null;
}

export function coverageRatio(a: AttestationData): CoverageResult {
  const onGroupTotals = a.scope === "group_assets_liabilities";
  let coveragePct: Measured;
  if (!a.totalReserves) {
    coveragePct = unknown("total reserves not reported");
  } else if (!a.tokensOutstanding) {
    coveragePct = unknown("tokens outstanding not reported");
  } else if (new Decimal(a.tokensOutstanding.value).isZero()) {
    coveragePct = unknown("tokens outstanding is zero, so no ratio can be computed");
  } else {
    coveragePct = divideMeasured(fromFigure(a.totalReserves), fromFigure(a.tokensOutstanding), 100);
  }
  return {
    attestationId: a.id,
    issuerSlug: a.issuerSlug,
    asOf: a.asOf,
    asOfPrecision: a.asOfPrecision,
    scope: a.scope,
    coveragePct,
    onGroupTotals,
    label: onGroupTotals ? GROUP_SCOPE_LABEL : null,
  };
}

/** Total order on reports so every series is the same whatever the input order. */
export function compareReports(a: AttestationData, b: AttestationData): number {
  return (
    a.asOf.localeCompare(b.asOf) ||
    a.issuerSlug.localeCompare(b.issuerSlug) ||
    a.reportType.localeCompare(b.reportType) ||
    a.id.localeCompare(b.id)
  );
}

/** Published reports only (drafts and retracted reports are not facts yet / any more), oldest first. */
export function publishedInOrder(attestations: readonly AttestationData[]): AttestationData[] {
  return attestations.filter((a) => a.state === "published").sort(compareReports);
}

/**
 * One point per published report, including those whose ratio is unknown (the
 * chart shows the gap and its reason rather than silently joining the line).
 */
export function coverageSeries(attestations: readonly AttestationData[]): CoverageResult[] {
  return publishedInOrder(attestations).map(coverageRatio);
}
