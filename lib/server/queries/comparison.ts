import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import { fromUtcDate } from "@/lib/domain/dates";
import { cadenceAdherence, effectiveAsOf } from "@/lib/domain/metrics/cadence";
import { compositionSource } from "@/lib/domain/metrics/composition";
import { coverageRatio } from "@/lib/domain/metrics/coverage";
import { eligibleShare, getFramework } from "@/lib/domain/metrics/eligibility";
import type { AttestationData } from "@/lib/domain/types";
import type { ComparisonRow } from "@/lib/domain/views/comparison";
import { readDb } from "@/lib/server/db";

import { attestationInclude, issuerInclude, toAttestationData, toIssuerData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";
import { todayUtc } from "./today";

function oneYearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return fromUtcDate(d);
}

/** The home comparison table: one row per issuer, every column computed from its published reports. */
export async function comparisonRows(): Promise<{ today: string; rows: ComparisonRow[] }> {
  "use cache";
  cacheTag(TAGS.issuers, TAGS.attestations, TAGS.stressEvents);
  cacheLife(PUBLISHED_DATA);
  const prisma = readDb();
  const [today, issuers, attestations, stress] = await Promise.all([
    todayUtc(),
    prisma.issuer.findMany({ include: issuerInclude, orderBy: { name: "asc" } }),
    prisma.attestation.findMany({ where: { state: "published" }, include: attestationInclude }),
    prisma.stressEvent.groupBy({ by: ["issuerId"], _count: { _all: true } }),
  ]);
  const byIssuer = new Map<string, AttestationData[]>();
  for (const a of attestations) {
    const list = byIssuer.get(a.issuerId) ?? [];
    list.push(toAttestationData(a));
    byIssuer.set(a.issuerId, list);
  }
  const stressBy = new Map(stress.map((s) => [s.issuerId, s._count._all]));
  const yearAgo = oneYearBefore(today);
  const rows = issuers.map((row): ComparisonRow => {
    const issuer = toIssuerData(row);
    const reports = (byIssuer.get(row.id) ?? []).sort((a, b) => effectiveAsOf(a).localeCompare(effectiveAsOf(b)));
    const latest = reports.at(-1) ?? null;
    // The same rule as the issuer page: only a breakdown that covers enough of total reserves.
    const source = compositionSource(reports);
    const withLines = source.report;
    const shares = source.shares;
    // The latest report may give no figures (it still counts for cadence): coverage comes from the latest one that does.
    const coverage =
      [...reports]
        .reverse()
        .map(coverageRatio)
        .find((c) => c.coveragePct.value !== null) ?? (latest ? coverageRatio(latest) : null);
    const cadence = cadenceAdherence(reports, issuer.declaredCadence, { from: yearAgo, to: today }, today);
    const parts = shares
      ? [
          ...shares.categories
            .filter((c) => c.sharePct.value !== null)
            .map((c) => ({ category: c.category, pct: Number(c.sharePct.value) })),
          ...(shares.notCapturedPct.value !== null && Number(shares.notCapturedPct.value) > 0.05
            ? [{ category: "not_captured" as const, pct: Number(shares.notCapturedPct.value) }]
            : []),
        ]
      : [];
    return {
      issuer: {
        slug: issuer.slug,
        name: issuer.name,
        tokenSymbols: issuer.tokenSymbols,
        backingModel: issuer.backingModel,
        status: issuer.status,
        homeJurisdiction: issuer.homeJurisdiction,
        declaredCadence: issuer.declaredCadence,
        isDemo: issuer.isDemo,
      },
      latest: latest
        ? {
            asOf: latest.asOf,
            asOfPrecision: latest.asOfPrecision,
            reportUrl: latest.reportUrl,
            sourceUrl: latest.sourceUrl,
            sourceKind: latest.sourceKind,
            scope: latest.scope,
          }
        : null,
      coveragePct: coverage?.coveragePct ?? null,
      coverageOnGroupTotals: coverage?.onGroupTotals ?? false,
      coverageAsOf: coverage && latest && coverage.attestationId !== latest.id ? coverage.asOf : null,
      coverageSourceUrl: (() => {
        const from = coverage ? reports.find((a) => a.id === coverage.attestationId) : undefined;
        return from ? (from.sourceUrl ?? from.reportUrl) : null;
      })(),
      composition: shares && withLines ? { asOf: withLines.asOf, sourceUrl: withLines.sourceUrl ?? withLines.reportUrl, parts } : null,
      otherUndisclosedPct: shares ? shares.otherUndisclosedPct : null,
      geniusEligible: withLines
        ? (() => {
            const e = eligibleShare(withLines, getFramework("us_genius_2025"));
            return { share: e.status === "assessed" ? e.share : null, reason: e.reason, why: e.why };
          })()
        : null,
      daysSinceAsOf: cadence.daysSinceLastAsOf,
      reportsLast12Months: cadence.reportsFound,
      expectedLast12Months: cadence.expectedReports,
      overdue: { status: cadence.overdue.status, daysOverdue: cadence.overdue.daysOverdue },
      stressEventCount: stressBy.get(row.id) ?? 0,
    };
  });
  return { today, rows };
}
