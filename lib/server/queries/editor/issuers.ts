import "server-only";

import { db } from "@/lib/server/db";
import { issuerWithLists, storedIssuerToInput } from "@/lib/server/records/issuer";

import { reportListSelect, toReportListItem } from "./dashboard";

export async function editorIssuerList() {
  const issuers = await db().issuer.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      isDemo: true,
      status: true,
      _count: { select: { attestations: true, stressEvents: true } },
      reviews: { orderBy: { reviewedAt: "desc" }, take: 1, select: { reviewedAt: true, reviewer: { select: { displayName: true } } } },
    },
  });
  return issuers.map((i) => ({
    id: i.id,
    slug: i.slug,
    name: i.name,
    isDemo: i.isDemo,
    status: i.status,
    reports: i._count.attestations,
    stressEvents: i._count.stressEvents,
    lastReview: i.reviews[0] ? { at: i.reviews[0].reviewedAt, by: i.reviews[0].reviewer.displayName } : null,
  }));
}

export type EditorIssuerListItem = Awaited<ReturnType<typeof editorIssuerList>>[number];

/** Issuers whose last review is older than `days` (or that were never reviewed), longest-waiting first. */
export function staleIssuers(list: EditorIssuerListItem[], days: number, now: Date): EditorIssuerListItem[] {
  const cutoff = now.getTime() - days * 86_400_000;
  return list
    .filter((i) => !i.lastReview || i.lastReview.at.getTime() < cutoff)
    .sort((a, b) => (a.lastReview?.at.getTime() ?? 0) - (b.lastReview?.at.getTime() ?? 0));
}

export async function editorIssuer(slug: string) {
  const stored = await db().issuer.findUnique({ where: { slug }, include: issuerWithLists });
  if (!stored) return null;
  const reviews = await db().issuerReview.findMany({
    where: { issuerId: stored.id },
    orderBy: { reviewedAt: "desc" },
    take: 5,
    select: { reviewedAt: true, note: true, reviewer: { select: { displayName: true } } },
  });
  return {
    id: stored.id,
    version: stored.version,
    name: stored.name,
    isDemo: stored.isDemo,
    input: storedIssuerToInput(stored),
    reviews: reviews.map((r) => ({ at: r.reviewedAt, note: r.note, by: r.reviewer.displayName })),
  };
}

export async function editorIssuerReports(slug: string) {
  const issuer = await db().issuer.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!issuer) return null;
  const reports = await db().attestation.findMany({
    where: { issuerId: issuer.id },
    select: reportListSelect,
    orderBy: [{ asOf: "desc" }, { reportType: "asc" }],
  });
  return { issuer, reports: reports.map(toReportListItem) };
}

export async function issuerOptions() {
  return db().issuer.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
