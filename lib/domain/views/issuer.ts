// The issuer page's model: the profile as stored (published and retracted reports with their
// correction history) and what the metrics computed from it. Built by lib/server/queries/issuer-page.ts,
// rendered by components/issuer/*.
import type { EvaluationAnswer } from "@/lib/domain/evaluation";
import type { CadenceReport, PublicationLag } from "@/lib/domain/metrics/cadence";
import type { CompositionChange, CompositionShares } from "@/lib/domain/metrics/composition";
import type { CoverageResult } from "@/lib/domain/metrics/coverage";
import type { EligibleShareResult } from "@/lib/domain/metrics/eligibility";
import type { ConcentrationResult, LiquidityLadderResult } from "@/lib/domain/metrics/liquidity";
import type { AttestationData, IssuerData, StressEventData } from "@/lib/domain/types";

/** What a correction replaced: the earlier values, kept visible as history. */
export interface RevisionNote {
  revision: number;
  reason: string;
  /** When the correction was recorded (ISO timestamp). */
  correctedAt: string;
  previous: {
    publishedOn: string | null;
    totalReserves: { value: string; precision: string } | null;
    tokensOutstanding: { value: string; precision: string } | null;
  };
}

export interface AttestationWithHistory extends AttestationData {
  revisions: RevisionNote[];
}

export interface IssuerProfile {
  issuer: IssuerData;
  /** Published and retracted reports, newest as-of first; drafts never leave the editor area. */
  attestations: AttestationWithHistory[];
  stressEvents: StressEventData[];
  /** When an editor last checked the record against its sources (display name only, never an email). */
  lastReview: { reviewedOn: string; reviewer: string } | null;
}

export interface AttestationRow {
  attestation: AttestationWithHistory;
  coverage: CoverageResult;
  lag: PublicationLag | null;
}

/**
 * Everything computed from an issuer's profile: every report and the series the charts draw. Built in
 * memory (lib/server/queries/issuer-page.ts) and never cached whole: at ten years of monthly reports it
 * is hundreds of kilobytes, and every cached read of it is a parse. Pages get an IssuerSummary.
 */
export interface IssuerModel extends IssuerProfile {
  today: string;
  rows: AttestationRow[];
  latest: AttestationWithHistory | null;
  latestCoverage: CoverageResult | null;
  latestComposition: CompositionShares | null;
  /** The most recent report whose breakdown is complete (covers COMPLETE_BREAKDOWN_PCT of reserves; may be older than the latest report). */
  compositionReport: AttestationWithHistory | null;
  /** A newer report that breaks down less: shown for what it holds, never as the composition. */
  laterPartial: { report: AttestationWithHistory; shares: CompositionShares } | null;
  change: CompositionChange | null;
  eligibility: { frameworkId: string; name: string; url: string; citation: string; result: EligibleShareResult }[];
  liquidity: LiquidityLadderResult | null;
  concentration: ConcentrationResult | null;
  cadence: CadenceReport;
  coverageOverTime: CoverageResult[];
  compositionOverTime: CompositionShares[];
  evaluation: EvaluationAnswer[];
  /** What the published reports state at all: some issuers have only supply snapshots (tokens, no reserves). */
  known: {
    reports: number;
    withTokens: number;
    withReserves: number;
    withComposition: number;
    /** The earliest and latest as-of date among published reports. */
    asOfRange: { first: string; last: string } | null;
    /** Audit firms and kinds of assurance named by published reports, newest report's first. */
    firms: string[];
    assurances: AttestationData["assurance"][];
  };
}

/** How many of the newest reports the issuer page lists; the history page lists them all. */
export const RECENT_REPORTS = 4;

/**
 * What the issuer page and the pages beside it (compare, checklist, follow, API detail) show: the model
 * without the full report list and the chart series, which only the history page and the charts need.
 */
export interface IssuerSummary extends Omit<IssuerModel, "attestations" | "rows" | "coverageOverTime" | "compositionOverTime"> {
  /** The RECENT_REPORTS newest reports (published and retracted), newest as-of first. */
  recentRows: AttestationRow[];
  /** Every report we hold (published and retracted). */
  reportCount: number;
  /** When the latest report's coverage cannot be computed: the latest that can, with its date. */
  lastComputedCoverage: CoverageResult | null;
}

/** The issuer's history page: every report and stress event. */
export interface IssuerHistory {
  issuer: IssuerData;
  rows: AttestationRow[];
  stressEvents: StressEventData[];
}
