import "server-only";

// Read models of the editor area. Never cached: editors must see what is in
// the database now, and these pages render per request anyway.
import { formatAsOf, fromUtcDate } from "@/lib/domain/dates";
import type { ReportListItem } from "@/lib/domain/views/editor";
import { db } from "@/lib/server/db";

const select = {
  id: true,
  asOf: true,
  asOfPrecision: true,
  reportType: true,
  state: true,
  revision: true,
  updatedAt: true,
  firstPublishedAt: true,
  issuer: { select: { name: true, slug: true } },
} as const;

type Row = {
  id: string;
  asOf: Date;
  asOfPrecision: "day" | "month";
  reportType: string;
  state: ReportListItem["state"];
  revision: number;
  updatedAt: Date;
  firstPublishedAt: Date | null;
  issuer: { name: string; slug: string };
};

export function toReportListItem(a: Row): ReportListItem {
  return {
    id: a.id,
    issuerName: a.issuer.name,
    issuerSlug: a.issuer.slug,
    asOf: formatAsOf(fromUtcDate(a.asOf), a.asOfPrecision),
    reportType: a.reportType,
    state: a.state,
    revision: a.revision,
    updatedAt: a.updatedAt.toISOString(),
    firstPublishedAt: a.firstPublishedAt?.toISOString() ?? null,
  };
}

export const reportListSelect = select;

export async function editorDashboard() {
  const prisma = db();
  const [drafts, published] = await Promise.all([
    prisma.attestation.findMany({ where: { state: "draft" }, select, orderBy: { updatedAt: "desc" }, take: 100 }),
    prisma.attestation.findMany({ where: { state: { in: ["published", "retracted"] } }, select, orderBy: { updatedAt: "desc" }, take: 15 }),
  ]);
  return { drafts: drafts.map(toReportListItem), recentlyPublished: published.map(toReportListItem) };
}
