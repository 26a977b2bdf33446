import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import { evaluate } from "@/lib/domain/evaluation";
import { cadenceAdherence, publicationLag } from "@/lib/domain/metrics/cadence";
import { compositionChange, compositionSource } from "@/lib/domain/metrics/composition";
import { coverageRatio, coverageSeries, publishedInOrder } from "@/lib/domain/metrics/coverage";
import { ELIGIBILITY_FRAMEWORKS, eligibleShare } from "@/lib/domain/metrics/eligibility";
import { custodianConcentration, liquidityLadder } from "@/lib/domain/metrics/liquidity";
import {
  RECENT_REPORTS,
  type AttestationWithHistory,
  type IssuerHistory,
  type IssuerModel,
  type IssuerProfile,
  type IssuerSummary,
} from "@/lib/domain/views/issuer";

import { getIssuerProfile } from "./issuer";
import { PUBLISHED_DATA, TAGS } from "./tags";
import { todayUtc } from "./today";

/**
 * The full model, read from the database and computed, not cached: callers are cached functions that keep
 * only what they need of it (a summary, chart specs), so no cache entry holds, and no render parses, the
 * whole history.
 */
export async function loadIssuerModel(slug: string): Promise<IssuerModel | null> {
  const [profile, today] = await Promise.all([getIssuerProfile(slug), todayUtc()]);
  return profile ? issuerModel(profile, today) : null;
}

/** The summary of a model: what every page but the history page shows. */
export function summarize(model: IssuerModel): IssuerSummary {
  const { attestations: _attestations, rows, coverageOverTime, compositionOverTime: _series, ...rest } = model;
  return {
    ...rest,
    recentRows: rows.slice(0, RECENT_REPORTS),
    reportCount: rows.length,
    lastComputedCoverage:
      model.latestCoverage?.coveragePct.value === null
        ? ([...coverageOverTime].reverse().find((c) => c.coveragePct.value !== null) ?? null)
        : null,
  };
}

/** The issuer's summary, computed once per publish (cached). */
export async function getIssuerPage(slug: string): Promise<IssuerSummary | null> {
  "use cache";
  cacheTag(TAGS.issuer(slug), TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const model = await loadIssuerModel(slug);
  return model && summarize(model);
}

/** Every report and stress event of the issuer, for its history page (cached). */
export async function getIssuerHistory(slug: string): Promise<IssuerHistory | null> {
  "use cache";
  cacheTag(TAGS.issuer(slug), TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const model = await loadIssuerModel(slug);
  return model && { issuer: model.issuer, rows: model.rows, stressEvents: model.stressEvents };
}

/** Every metric of an issuer's profile on `today` (pure: loadIssuerModel feeds it). */
export function issuerModel(profile: IssuerProfile, today: string): IssuerModel {
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
      // Newest as-of first, as the reports are listed.
      asOfRange: published.length ? { first: published.at(-1)!.asOf, last: published[0]!.asOf } : null,
      firms: [...new Set(published.map((a) => a.firm).filter((x): x is string => Boolean(x)))],
      assurances: [...new Set(published.map((a) => a.assurance))],
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
