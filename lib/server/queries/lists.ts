import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { db } from "@/lib/server/db";
import { coverageRatio, type CoverageResult } from "@/lib/domain/metrics/coverage";
import { publicationLag, type PublicationLag } from "@/lib/domain/metrics/cadence";
import type { AttestationData, StressEventData } from "@/lib/domain/types";
import { attestationInclude, stressInclude, toAttestationData, toStressEventData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";

export interface AttestationListItem {
  attestation: AttestationData;
  issuerName: string;
  isDemo: boolean;
  coverage: CoverageResult;
  lag: PublicationLag | null;
  revised: boolean;
}

/** Every published or retracted report of every issuer, newest as-of first. */
export async function listAllAttestations(): Promise<AttestationListItem[]> {
  "use cache";
  cacheTag(TAGS.attestations, TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const rows = await db().attestation.findMany({
    where: { state: { in: ["published", "retracted"] } },
    include: { ...attestationInclude, issuer: { select: { slug: true, name: true, isDemo: true } } },
    orderBy: [{ asOf: "desc" }, { publishedOn: { sort: "desc", nulls: "last" } }],
  });
  return rows.map((r) => {
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
}

export interface StressListItem {
  event: StressEventData;
  issuerName: string;
  isDemo: boolean;
}

export async function listAllStressEvents(): Promise<StressListItem[]> {
  "use cache";
  cacheTag(TAGS.stressEvents, TAGS.issuers);
  cacheLife(PUBLISHED_DATA);
  const rows = await db().stressEvent.findMany({
    include: { ...stressInclude, issuer: { select: { slug: true, name: true, isDemo: true } } },
    orderBy: [{ startDate: { sort: "desc", nulls: "last" } }],
  });
  return rows.map((r) => ({ event: toStressEventData(r), issuerName: r.issuer.name, isDemo: r.issuer.isDemo }));
}
