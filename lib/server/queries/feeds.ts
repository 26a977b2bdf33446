import "server-only";

// What the Atom feeds list: the reports and stress events most recently made
// public in this product (newest first), for every issuer or one.
import { cacheLife, cacheTag } from "next/cache";

import { isSlug } from "@/lib/domain/schemas/common";
import type { AttestationData, StressEventData } from "@/lib/domain/types";
import { readDb } from "@/lib/server/db";

import { attestationInclude, stressInclude, toAttestationData, toStressEventData } from "./mappers";
import { PUBLISHED_DATA, TAGS } from "./tags";

export const FEED_SIZE = 50;

export interface FeedReport {
  attestation: AttestationData;
  issuerName: string;
  /** ISO timestamps: first made public here, last changed. */
  published: string;
  updated: string;
}

export interface FeedStressEvent {
  event: StressEventData;
  issuerName: string;
  published: string;
  updated: string;
}

export interface FeedData {
  issuer: { slug: string; name: string } | null;
  reports: FeedReport[];
  stressEvents: FeedStressEvent[];
}

/** null when a slug is given and no such issuer exists. */
export async function feedData(slug: string | null, what: { reports: boolean; stressEvents: boolean }): Promise<FeedData | null> {
  "use cache";
  cacheTag(TAGS.attestations, TAGS.stressEvents, TAGS.issuers);
  if (slug) cacheTag(TAGS.issuer(slug));
  cacheLife(PUBLISHED_DATA);
  if (slug !== undefined && slug !== null && !isSlug(slug)) return null;
  const prisma = readDb();
  const issuer = slug ? await prisma.issuer.findUnique({ where: { slug }, select: { slug: true, name: true } }) : null;
  if (slug && !issuer) return null;
  const issuerWhere = slug ? { issuer: { slug } } : {};
  const withName = { select: { slug: true, name: true } } as const;
  const [reports, stress] = await Promise.all([
    what.reports
      ? prisma.attestation.findMany({
          where: { state: { in: ["published", "retracted"] }, ...issuerWhere },
          include: { ...attestationInclude, issuer: withName },
          orderBy: [{ firstPublishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          take: FEED_SIZE,
        })
      : [],
    what.stressEvents
      ? prisma.stressEvent.findMany({
          where: issuerWhere,
          include: { ...stressInclude, issuer: withName },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: FEED_SIZE,
        })
      : [],
  ]);
  return {
    issuer,
    reports: reports.map((r) => ({
      attestation: toAttestationData(r),
      issuerName: r.issuer.name,
      published: (r.firstPublishedAt ?? r.createdAt).toISOString(),
      updated: r.updatedAt.toISOString(),
    })),
    stressEvents: stress.map((e) => ({
      event: toStressEventData(e),
      issuerName: e.issuer.name,
      published: e.createdAt.toISOString(),
      updated: e.updatedAt.toISOString(),
    })),
  };
}
