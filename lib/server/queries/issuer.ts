import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import { fromUtcDate } from "@/lib/domain/dates";
import { isSlug } from "@/lib/domain/schemas/common";
import type { IssuerProfile, RevisionNote } from "@/lib/domain/views/issuer";
import { readDb } from "@/lib/server/db";
import { publicReportsOf } from "@/lib/server/records/report";

import { issuerInclude, stressInclude, toIssuerData, toStressEventData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";

function previousValues(snapshot: unknown): RevisionNote["previous"] {
  const s = (snapshot ?? {}) as Record<string, unknown>;
  const fig = (v: unknown) =>
    v && typeof v === "object" && "value" in v && "precision" in v ? { value: String(v.value), precision: String(v.precision) } : null;
  return {
    publishedOn: typeof s.publishedOn === "string" ? s.publishedOn : null,
    totalReserves: fig(s.totalReserves),
    tokensOutstanding: fig(s.tokensOutstanding),
  };
}

export async function issuerSlugs(): Promise<string[]> {
  "use cache";
  cacheTag(TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const rows = await readDb().issuer.findMany({ select: { slug: true }, orderBy: { slug: "asc" } });
  return rows.map((r) => r.slug);
}

/**
 * generateStaticParams for pages under /issuers/[slug]: every issuer. Cache
 * Components needs at least one param, so an empty database gets a placeholder
 * that answers 404.
 */
export async function issuerStaticParams(): Promise<{ slug: string }[]> {
  const slugs = await issuerSlugs();
  return slugs.length ? slugs.map((slug) => ({ slug })) : [{ slug: "__none__" }];
}

/**
 * An issuer with its public reports, stress events and last review. Not cached itself: its one caller, the issuer
 * page model (getIssuerPage), is cached under the same tags, and a second cache entry of every report with its lines
 * cost a serialisation on each render and a copy in the cache.
 */
export async function getIssuerProfile(slug: string): Promise<IssuerProfile | null> {
  if (!isSlug(slug)) return null;
  const prisma = readDb();
  const issuer = await prisma.issuer.findUnique({ where: { slug }, include: issuerInclude });
  if (!issuer) return null;
  const [attestations, stress, review] = await Promise.all([
    publicReportsOf(prisma, issuer.id),
    prisma.stressEvent.findMany({
      where: { issuerId: issuer.id },
      include: stressInclude,
      orderBy: [{ startDate: { sort: "desc", nulls: "last" } }],
    }),
    prisma.issuerReview.findFirst({
      where: { issuerId: issuer.id },
      orderBy: { reviewedAt: "desc" },
      select: { reviewedAt: true, reviewer: { select: { displayName: true } } },
    }),
  ]);
  return {
    issuer: toIssuerData(issuer),
    attestations: attestations.map(({ report, revisions }) => ({
      ...report,
      revisions: revisions.map((r) => ({
        revision: r.revision,
        reason: r.reason,
        correctedAt: r.createdAt.toISOString(),
        previous: previousValues(r.snapshot),
      })),
    })),
    stressEvents: stress.map(toStressEventData),
    lastReview: review ? { reviewedOn: fromUtcDate(review.reviewedAt), reviewer: review.reviewer.displayName } : null,
  };
}
