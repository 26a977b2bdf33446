import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import { publicationLag } from "@/lib/domain/metrics/cadence";
import { coverageRatio } from "@/lib/domain/metrics/coverage";
import type { AttestationListItem, StressListItem } from "@/lib/domain/views/lists";
import { readDb } from "@/lib/server/db";

import { attestationInclude, stressInclude, toAttestationData, toStressEventData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";

/** Most reports one page lists; all of them are in the CSV download and on the issuers' pages. */
export const ATTESTATION_PAGE_SIZE = 250;

/** The most recent published or retracted reports of every issuer, newest as-of first, and how many there are in all. */
export async function listAllAttestations(): Promise<{ items: AttestationListItem[]; total: number }> {
  "use cache";
  cacheTag(TAGS.attestations, TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const where = { state: { in: ["published" as const, "retracted" as const] } };
  const total = await readDb().attestation.count({ where });
  const rows = await readDb().attestation.findMany({
    where,
    take: ATTESTATION_PAGE_SIZE,
    include: { ...attestationInclude, issuer: { select: { slug: true, name: true, isDemo: true } } },
    orderBy: [{ asOf: "desc" }, { publishedOn: { sort: "desc", nulls: "last" } }],
  });
  const items = rows.map((r) => {
    const attestation = toAttestationData(r);
    return {
      attestation,
      issuerName: r.issuer.name,
      isDemo: r.issuer.isDemo,
      coverage: coverageRatio(attestation),
      lag: publicationLag(attestation),
      revised: r.revision > 1,
    };
  });
  return { items, total };
}

export async function listAllStressEvents(): Promise<StressListItem[]> {
  "use cache";
  cacheTag(TAGS.stressEvents, TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const rows = await readDb().stressEvent.findMany({
    include: { ...stressInclude, issuer: { select: { slug: true, name: true, isDemo: true } } },
    orderBy: [{ startDate: { sort: "desc", nulls: "last" } }],
  });
  return rows.map((r) => ({ event: toStressEventData(r), issuerName: r.issuer.name, isDemo: r.issuer.isDemo }));
}
