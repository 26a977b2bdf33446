import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { coverageRatio, coverageSeries, publishedInOrder, type CoverageResult } from "@/lib/domain/metrics/coverage";
import { compositionChange, compositionSource, type CompositionShares, type CompositionChange } from "@/lib/domain/metrics/composition";
import { cadenceAdherence, publicationLag, type CadenceReport, type PublicationLag } from "@/lib/domain/metrics/cadence";
import { ELIGIBILITY_FRAMEWORKS, eligibleShare, type EligibleShareResult } from "@/lib/domain/metrics/eligibility";
import { custodianConcentration, liquidityLadder, type ConcentrationResult, type LiquidityLadderResult } from "@/lib/domain/metrics/liquidity";
import { evaluate, type EvaluationAnswer } from "@/lib/domain/evaluation";
import { getIssuerProfile, type AttestationWithHistory, type IssuerProfile } from "./issuer";
import { todayUtc } from "./today";
import { PUBLISHED_DATA, TAGS } from "./tags";

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

/** Everything the issuer page shows, computed once per publish (cached). */
export async function getIssuerPage(slug: string): Promise<IssuerPageModel | null> {
  "use cache";
  cacheTag(TAGS.issuer(slug), TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const [profile, today] = await Promise.all([getIssuerProfile(slug), todayUtc()]);
  if (!profile) return null;
  const published = profile.attestations.filter((a) => a.state === "published");
  const ordered = publishedInOrder(published) as AttestationWithHistory[];
  const latest = ordered.at(-1) ?? null;
  const withComposition = ordered.filter((a) => a.composition.length > 0);
  // Only a breakdown that covers enough of total reserves stands for the whole (COMPLETE_BREAKDOWN_PCT).
  const source = compositionSource(ordered);
  const compositionReport = source.report;
  const first = ordered[0];
  return {
    ...profile,
    today,
    rows: profile.attestations.map((a) => ({ attestation: a, coverage: coverageRatio(a), lag: publicationLag(a) })),
    known: {
      reports: ordered.length,
      withTokens: ordered.filter((a) => a.tokensOutstanding !== null).length,
      withReserves: ordered.filter((a) => a.totalReserves !== null).length,
      withComposition: withComposition.length,
    },
    latest,
    latestCoverage: latest ? coverageRatio(latest) : null,
    latestComposition: source.shares,
    compositionReport,
    laterPartial: source.laterPartial,
    change: compositionReport ? compositionChange(compositionReport, source.previous) : null,
    eligibility: compositionReport
      ? ELIGIBILITY_FRAMEWORKS.map((f) => ({ frameworkId: f.id, name: f.name, url: f.url, citation: f.citation, result: eligibleShare(compositionReport, f) }))
      : [],
    liquidity: compositionReport ? liquidityLadder(compositionReport) : null,
    concentration: compositionReport ? custodianConcentration(compositionReport) : null,
    cadence: cadenceAdherence(published, profile.issuer.declaredCadence, { from: first?.asOf ?? today, to: today }, today),
    coverageOverTime: coverageSeries(published),
    compositionOverTime: source.withLines.map((x) => x.shares),
    evaluation: evaluate(profile.issuer, published, profile.stressEvents),
  };
}
