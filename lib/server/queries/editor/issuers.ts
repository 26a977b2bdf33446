import "server-only";
import { db } from "@/lib/server/db";
import { issuerWithLists, storedIssuerToInput } from "@/lib/server/commands/issuers";
import { reportListSelect, toReportListItem } from "./dashboard";

export async function editorIssuerList() {
  const issuers = await db().issuer.findMany({
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, isDemo: true, status: true, _count: { select: { attestations: true, stressEvents: true } } },
  });
  return issuers.map((i) => ({ id: i.id, slug: i.slug, name: i.name, isDemo: i.isDemo, status: i.status, reports: i._count.attestations, stressEvents: i._count.stressEvents }));
}

export async function editorIssuer(slug: string) {
  const stored = await db().issuer.findUnique({ where: { slug }, include: issuerWithLists });
  if (!stored) return null;
  return { id: stored.id, version: stored.version, name: stored.name, isDemo: stored.isDemo, input: storedIssuerToInput(stored) };
}

export async function editorIssuerReports(slug: string) {
  const issuer = await db().issuer.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!issuer) return null;
  const reports = await db().attestation.findMany({ where: { issuerId: issuer.id }, select: reportListSelect, orderBy: [{ asOf: "desc" }, { reportType: "asc" }] });
  return { issuer, reports: reports.map(toReportListItem) };
}

export async function issuerOptions() {
  return db().issuer.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } });
}
