import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import { effectiveAsOf, median, publicationLag } from "@/lib/domain/metrics/cadence";
import { compositionShares } from "@/lib/domain/metrics/composition";
import type { Measured } from "@/lib/domain/precision";
import { REPORT_TYPES, type ReportType } from "@/lib/domain/taxonomy";
import type { IssuerReportFacts, LearnFacts, LearnLiveData } from "@/lib/domain/views/learn";
import { readDb } from "@/lib/server/db";

import { comparisonRows } from "./comparison";
import { listAllStressEvents } from "./lists";
import { attestationInclude, toAttestationData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";

/**
 * Facts the Learn pages show beside their explanations that the home table does
 * not carry: reports by kind and typical publication lag per issuer, and one
 * category's share over time for one issuer. Same published reports, same
 * functions as the issuer pages.
 */
export async function learnFacts(historyIssuer = "tether", historyCategory = "commercial_paper_cds"): Promise<LearnFacts> {
  "use cache";
  cacheTag(TAGS.issuers, TAGS.attestations);
  cacheLife(PUBLISHED_DATA);
  const prisma = readDb();
  const [issuers, attestations] = await Promise.all([
    prisma.issuer.findMany({ select: { id: true, slug: true, name: true, isDemo: true }, orderBy: { name: "asc" } }),
    prisma.attestation.findMany({ where: { state: "published" }, include: attestationInclude }),
  ]);
  const byIssuer = new Map<string, ReturnType<typeof toAttestationData>[]>();
  for (const a of attestations) {
    const list = byIssuer.get(a.issuerId) ?? [];
    list.push(toAttestationData(a));
    byIssuer.set(a.issuerId, list);
  }
  const facts = issuers.map((i): IssuerReportFacts => {
    const reports = (byIssuer.get(i.id) ?? []).sort((a, b) => effectiveAsOf(a).localeCompare(effectiveAsOf(b)));
    const reportsByType = Object.fromEntries(REPORT_TYPES.map((t) => [t, 0])) as Record<ReportType, number>;
    for (const r of reports) reportsByType[r.reportType] += 1;
    const lags = reports.map(publicationLag).filter((l): l is NonNullable<typeof l> => l !== null);
    const latest = reports.at(-1) ?? null;
    return {
      slug: i.slug,
      name: i.name,
      isDemo: i.isDemo,
      reportsByType,
      medianLagDays: median(lags.map((l) => l.days)),
      lagsMeasured: lags.length,
      latestAsOf: latest ? effectiveAsOf(latest) : null,
      latestReportUrl: latest ? (latest.reportUrl ?? latest.sourceUrl) : null,
    };
  });
  const target = issuers.find((i) => i.slug === historyIssuer);
  const history = target
    ? {
        slug: target.slug,
        name: target.name,
        points: (byIssuer.get(target.id) ?? [])
          .filter((r) => r.composition.length > 0)
          .sort((a, b) => effectiveAsOf(a).localeCompare(effectiveAsOf(b)))
          .map((r) => {
            const shares = compositionShares(r);
            const line = shares.categories.find((c) => c.category === historyCategory);
            return {
              asOf: r.asOf,
              reportUrl: r.reportUrl ?? r.sourceUrl,
              // No line in a report that lists everything means none held; in a partial one it means unknown.
              sharePct: line
                ? line.sharePct
                : shares.notCapturedPct.value !== null && Number(shares.notCapturedPct.value) > 0
                  ? ({ value: null, bound: "unknown", reason: "not in the captured lines" } as Measured)
                  : ({ value: "0", bound: "exact" } as Measured),
            };
          }),
      }
    : null;
  return { issuers: facts, history };
}

/** Everything the Learn guides' live blocks show, for the page to hand down (each part cached on its own tags). */
export async function learnLiveData(): Promise<LearnLiveData> {
  const [{ rows: comparison }, facts, stressEvents] = await Promise.all([comparisonRows(), learnFacts(), listAllStressEvents()]);
  return { comparison, facts, stressEvents };
}
