// The comparison table's row: what the home page (and the Learn pages' live blocks) show per issuer.
import type { EligibilityWhy } from "@/lib/domain/metrics/eligibility";
import type { Measured } from "@/lib/domain/precision";
import type { ReserveCategory } from "@/lib/domain/taxonomy";
import type { AttestationData, IssuerData } from "@/lib/domain/types";

/** How many issuers the compare view puts side by side (the page and its chart files). */
export const MAX_COMPARED = 4;

/** The comparison table's default order: by name, case aside (A to Z); the home's first rows are the first in it. */
export function byIssuerName(a: { name: string }, b: { name: string }): number {
  return a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.name.localeCompare(b.name);
}

/** The jurisdiction filter's choices: every home jurisdiction named, once, sorted. */
export function homeJurisdictions(issuers: readonly { homeJurisdiction: string | null }[]): string[] {
  return [...new Set(issuers.map((i) => i.homeJurisdiction).filter((j): j is string => Boolean(j)))].sort();
}

export interface ComparisonRow {
  issuer: Pick<
    IssuerData,
    "slug" | "name" | "tokenSymbols" | "backingModel" | "status" | "homeJurisdiction" | "declaredCadence" | "isDemo"
  >;
  latest: Pick<AttestationData, "asOf" | "asOfPrecision" | "reportUrl" | "sourceUrl" | "sourceKind" | "scope"> | null;
  coveragePct: Measured | null;
  coverageOnGroupTotals: boolean;
  /** As-of date of the report the coverage comes from, when it is not the latest report (which lacks a figure). */
  coverageAsOf: string | null;
  /** Latest composition as shares (percent), for the small stacked bar; "not_captured" is our gap. */
  composition: { asOf: string; sourceUrl: string | null; parts: { category: ReserveCategory | "not_captured"; pct: number }[] } | null;
  /** The page the coverage figures were read from (the coverage report's source, else the report itself). */
  coverageSourceUrl: string | null;
  otherUndisclosedPct: Measured | null;
  /** Share of the latest composition eligible under the US GENIUS Act, by our mapping (null: not assessed). */
  geniusEligible: { share: Measured | null; reason: string; why: EligibilityWhy } | null;
  daysSinceAsOf: number | null;
  reportsLast12Months: number;
  expectedLast12Months: number | null;
  overdue: { status: string; daysOverdue: number | null };
  stressEventCount: number;
}
