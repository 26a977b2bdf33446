import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/server/db";
import type { AttestationData, IssuerData } from "@/lib/domain/types";
import { attestationInclude, issuerInclude, toAttestationData, toIssuerData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";

export interface IssuerSummary {
  issuer: IssuerData;
  latest: AttestationData | null;
  reportCount: number;
  stressEventCount: number;
}

/** The comparison table: every issuer with its latest published report. */
export async function listIssuerSummaries(): Promise<IssuerSummary[]> {
  "use cache";
  cacheTag(TAGS.issuers, TAGS.attestations, TAGS.stressEvents);
  cacheLife(PUBLISHED_DATA);
  const prisma = db();
  const [issuers, latest, counts, stress] = await Promise.all([
    prisma.issuer.findMany({ include: issuerInclude, orderBy: { name: "asc" } }),
    prisma.attestation.findMany({
      where: { state: "published" },
      distinct: ["issuerId"],
      orderBy: [{ issuerId: "asc" }, { asOf: "desc" }],
      include: attestationInclude,
    }),
    prisma.attestation.groupBy({ by: ["issuerId"], where: { state: "published" }, _count: { _all: true } }),
    prisma.stressEvent.groupBy({ by: ["issuerId"], _count: { _all: true } }),
  ]);
  const latestBy = new Map(latest.map((a) => [a.issuerId, toAttestationData(a)]));
  const countBy = new Map(counts.map((c) => [c.issuerId, c._count._all]));
  const stressBy = new Map(stress.map((c) => [c.issuerId, c._count._all]));
  return issuers.map((i) => ({
    issuer: toIssuerData(i),
    latest: latestBy.get(i.id) ?? null,
    reportCount: countBy.get(i.id) ?? 0,
    stressEventCount: stressBy.get(i.id) ?? 0,
  }));
}

/** Whether fictional demo issuers are loaded: every page then says so. */
export async function datasetNotice(): Promise<{ demo: boolean }> {
  "use cache";
  cacheTag(TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const demo = await db().issuer.count({ where: { isDemo: true } });
  return { demo: demo > 0 };
}
