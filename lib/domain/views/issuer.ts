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

export interface IssuerPageModel extends IssuerProfile {
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
  known: { reports: number; withTokens: number; withReserves: number; withComposition: number };
}
