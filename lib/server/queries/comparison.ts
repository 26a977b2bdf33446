import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import { Prisma } from "@/lib/generated/prisma/client";
import { compareDays, fromUtcDate } from "@/lib/domain/dates";
import { cadenceAdherence, effectiveAsOf, type DatedReport } from "@/lib/domain/metrics/cadence";
import { compositionSource, type CompositionSource } from "@/lib/domain/metrics/composition";
import { coverageRatio, type CoverageResult } from "@/lib/domain/metrics/coverage";
import { eligibleShare, getFramework } from "@/lib/domain/metrics/eligibility";
import type { AttestationData, IssuerData } from "@/lib/domain/types";
import { byIssuerName, homeJurisdictions, type ComparisonRow } from "@/lib/domain/views/comparison";
import { readDb } from "@/lib/server/db";
import { reportsById } from "@/lib/server/records/report";

import { issuerInclude, toIssuerData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";
import { todayUtc } from "./today";

function oneYearBefore(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return fromUtcDate(d);
}

/**
 * Every published report's dates, per issuer, newest first: the cadence columns need the whole history (the overdue
 * judgement uses the median lag of every report), nothing else does. One row per issuer with its reports as one
 * string (parsed here): at 60,000 reports about 3 MB in 30 ms, where loading every report with its lines (as this
 * query once did) took minutes.
 */
async function publishedReportDates(
  prisma: ReturnType<typeof readDb>,
  issuerIds: string[] | null = null,
): Promise<Map<string, DatedReport[]>> {
  const only = issuerIds === null ? Prisma.empty : Prisma.sql`AND a.issuer_id = ANY(${issuerIds})`;
  const rows = await prisma.$queryRaw<{ issuerId: string; reports: string }[]>`
    SELECT a.issuer_id AS "issuerId",
           string_agg(concat_ws(' ', a.id, a.as_of, a.as_of_precision, coalesce(a.published_on::text, '-')), ',') AS reports
    FROM attestation a
    WHERE a.state = 'published' ${only}
    GROUP BY a.issuer_id`;
  const out = new Map<string, DatedReport[]>();
  for (const row of rows) {
    const list = row.reports.split(",").map((r): DatedReport => {
      // Ids are cuids or pack ids (no spaces or commas); dates are ISO days; precision is "day" or "month".
      const [id, asOf, asOfPrecision, publishedOn] = r.split(" ") as [string, string, "day" | "month", string];
      return { id, asOf, asOfPrecision, publishedOn: publishedOn === "-" ? null : publishedOn, state: "published" };
    });
    // Newest first, ties by id (the order knownReports uses, reversed).
    list.sort((a, b) => compareDays(effectiveAsOf(b), effectiveAsOf(a)) || b.id.localeCompare(a.id));
    out.set(row.issuerId, list);
  }
  return out;
}

/** What a comparison row shows of an issuer's reports beyond their dates. */
export interface Chosen {
  latest: AttestationData | null;
  coverage: CoverageResult | null;
  coverageReport: AttestationData | null;
  source: CompositionSource<AttestationData> | null;
}

/**
 * The latest report, the latest with a computable coverage and the latest breakdown complete enough to stand
 * for the whole: reports are loaded in full newest first, two, then four, then eight more..., for the issuers
 * still missing one, until each is found or the history is exhausted (one round for almost every issuer).
 */
async function chooseReports(prisma: ReturnType<typeof readDb>, dated: Map<string, DatedReport[]>): Promise<Map<string, Chosen>> {
  const loaded = new Map<string, AttestationData>();
  const chosen = new Map<string, Chosen>();
  let open = [...dated.keys()];
  for (let upTo = 2, from = 0; open.length > 0; from = upTo, upTo *= 2) {
    const want = open.flatMap((issuerId) =>
      dated
        .get(issuerId)!
        .slice(from, upTo)
        .map((d) => d.id),
    );
    for (const a of await reportsById(prisma, want)) loaded.set(a.id, a);
    const stillOpen: string[] = [];
    for (const issuerId of open) {
      const list = dated.get(issuerId)!;
      // Newest first; every report newer than the last one loaded is loaded.
      const full = list.slice(0, upTo).flatMap((d) => loaded.get(d.id) ?? []);
      const coverageHit = full.map((a) => [a, coverageRatio(a)] as const).find(([, r]) => r.coveragePct.value !== null);
      // compositionSource takes reports oldest first and picks the newest complete breakdown among them.
      const source = compositionSource([...full].reverse());
      chosen.set(issuerId, {
        latest: full[0] ?? null,
        coverage: coverageHit?.[1] ?? null,
        coverageReport: coverageHit?.[0] ?? null,
        source,
      });
      if ((!coverageHit || !source.report) && list.length > upTo) stillOpen.push(issuerId);
    }
    open = stillOpen;
  }
  return chosen;
}

/** One issuer's row, from its reports' dates and the reports chosen for the other columns. */
export function comparisonRow(
  issuer: IssuerData,
  reports: readonly DatedReport[],
  chosen: Chosen | undefined,
  stressEventCount: number,
  today: string,
): ComparisonRow {
  const latest = chosen?.latest ?? null;
  // The same rule as the issuer page: only a breakdown that covers enough of total reserves.
  const withLines = chosen?.source?.report ?? null;
  const shares = chosen?.source?.shares ?? null;
  // The latest report may give no figures (it still counts for cadence): coverage comes from the latest one that does.
  const coverage = chosen?.coverage ?? (latest ? coverageRatio(latest) : null);
  const cadence = cadenceAdherence(reports, issuer.declaredCadence, { from: oneYearBefore(today), to: today }, today);
  const parts = shares
    ? [
        ...shares.categories.filter((c) => c.sharePct.value !== null).map((c) => ({ category: c.category, pct: Number(c.sharePct.value) })),
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
      const from = chosen?.coverageReport ?? (coverage ? latest : null);
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
    stressEventCount,
  };
}

/** Rows of the given issuers (every issuer: null), each column computed from its published reports. */
async function rowsOf(issuerIds: string[] | null): Promise<{ today: string; rows: ComparisonRow[] }> {
  const prisma = readDb();
  const [today, issuers, dated, stress] = await Promise.all([
    todayUtc(),
    prisma.issuer.findMany({
      where: issuerIds === null ? {} : { id: { in: issuerIds } },
      include: issuerInclude,
      orderBy: { name: "asc" },
    }),
    publishedReportDates(prisma, issuerIds),
    prisma.stressEvent.groupBy({
      by: ["issuerId"],
      where: issuerIds === null ? {} : { issuerId: { in: issuerIds } },
      _count: { _all: true },
    }),
  ]);
  const chosenBy = await chooseReports(prisma, dated);
  const stressBy = new Map(stress.map((s) => [s.issuerId, s._count._all]));
  const rows = issuers.map((row) =>
    comparisonRow(toIssuerData(row), dated.get(row.id) ?? [], chosenBy.get(row.id), stressBy.get(row.id) ?? 0, today),
  );
  return { today, rows };
}

/** The comparison table: one row per issuer, every column computed from its published reports. */
export async function comparisonRows(): Promise<{ today: string; rows: ComparisonRow[] }> {
  "use cache";
  cacheTag(TAGS.issuers, TAGS.attestations, TAGS.stressEvents);
  cacheLife(PUBLISHED_DATA);
  return rowsOf(null);
}

/**
 * The first `n` rows in the table's default order (byIssuerName), with how many issuers there are and every
 * home jurisdiction (the filter lists them all): the home page's table, computed for its rows only, so its
 * render does not grow with the number of issuers.
 */
export async function firstComparisonRows(
  n: number,
): Promise<{ today: string; rows: ComparisonRow[]; total: number; jurisdictions: string[] }> {
  "use cache";
  cacheTag(TAGS.issuers, TAGS.attestations, TAGS.stressEvents);
  cacheLife(PUBLISHED_DATA);
  const names = await readDb().issuer.findMany({ select: { id: true, name: true, homeJurisdiction: true } });
  const first = names.length > n ? [...names].sort(byIssuerName).slice(0, n) : names;
  const { today, rows } = await rowsOf(first.map((i) => i.id));
  return {
    today,
    rows: rows.sort((a, b) => byIssuerName(a.issuer, b.issuer)),
    total: names.length,
    jurisdictions: homeJurisdictions(names),
  };
}
