import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import { evaluate } from "@/lib/domain/evaluation";
import { cadenceAdherence, publicationLag } from "@/lib/domain/metrics/cadence";
import { compositionChange, compositionSource } from "@/lib/domain/metrics/composition";
import { coverageRatio, coverageSeries, publishedInOrder } from "@/lib/domain/metrics/coverage";
import { ELIGIBILITY_FRAMEWORKS, eligibleShare } from "@/lib/domain/metrics/eligibility";
import { custodianConcentration, liquidityLadder } from "@/lib/domain/metrics/liquidity";
import { type AttestationWithHistory, type IssuerPageModel } from "@/lib/domain/views/issuer";

import { getIssuerProfile } from "./issuer";
import { PUBLISHED_DATA, TAGS } from "./tags";
import { todayUtc } from "./today";

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
      ? ELIGIBILITY_FRAMEWORKS.map((f) => ({
          frameworkId: f.id,
          name: f.name,
          url: f.url,
          citation: f.citation,
          result: eligibleShare(compositionReport, f),
        }))
      : [],
    liquidity: compositionReport ? liquidityLadder(compositionReport) : null,
    concentration: compositionReport ? custodianConcentration(compositionReport) : null,
    cadence: cadenceAdherence(published, profile.issuer.declaredCadence, { from: first?.asOf ?? today, to: today }, today),
    coverageOverTime: coverageSeries(published),
    compositionOverTime: source.withLines.map((x) => x.shares),
    evaluation: evaluate(profile.issuer, published, profile.stressEvents),
  };
}
