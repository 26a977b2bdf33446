import "server-only";

import { cacheLife, cacheTag } from "next/cache";

import { formatAsOf, fromUtcDate } from "@/lib/domain/dates";
import { isSlug } from "@/lib/domain/schemas/common";
import type { ChangelogItem, ChangelogSubject } from "@/lib/domain/views/changelog";
import { readDb } from "@/lib/server/db";

import { PUBLISHED_DATA, TAGS } from "./tags";

// Drafts are private: only what reached the public pages is listed.
const PUBLIC_ACTIONS = [
  { entityType: "attestation", action: "publish", kind: "published" },
  { entityType: "attestation", action: "correct", kind: "corrected" },
  { entityType: "attestation", action: "retract", kind: "retracted" },
  { entityType: "stress_event", action: "create", kind: "stress_recorded" },
  { entityType: "stress_event", action: "update", kind: "stress_updated" },
] as const;

const LIMIT = 300;

/** The public changelog, built from the append-only audit log, newest first; for one issuer or all. */
export async function getChangelog(issuerSlug?: string): Promise<{ items: ChangelogItem[]; truncated: boolean }> {
  "use cache";
  cacheTag(TAGS.attestations, TAGS.stressEvents, TAGS.issuers, ...(issuerSlug ? [TAGS.issuer(issuerSlug)] : []));
  cacheLife(PUBLISHED_DATA);
  if (issuerSlug !== undefined && !isSlug(issuerSlug)) return { items: [], truncated: false };
  const prisma = readDb();
  const issuerFilter = issuerSlug ? { issuer: { slug: issuerSlug } } : {};
  const [reports, events] = await Promise.all([
    prisma.attestation.findMany({
      where: { ...issuerFilter, state: { in: ["published", "retracted"] } },
      select: { id: true, asOf: true, asOfPrecision: true, reportType: true, issuer: { select: { slug: true, name: true, isDemo: true } } },
    }),
    prisma.stressEvent.findMany({
      where: issuerFilter,
      select: { id: true, kind: true, startDate: true, issuer: { select: { slug: true, name: true, isDemo: true } } },
    }),
  ]);
  const subjects = new Map<string, { issuer: { slug: string; name: string; isDemo: boolean }; subject: ChangelogSubject }>();
  for (const r of reports) {
    subjects.set(`attestation:${r.id}`, {
      issuer: r.issuer,
      subject: { type: "report", reportType: r.reportType, asOf: formatAsOf(fromUtcDate(r.asOf), r.asOfPrecision) },
    });
  }
  for (const e of events) {
    subjects.set(`stress_event:${e.id}`, {
      issuer: e.issuer,
      subject: { type: "stress_event", kind: e.kind, startDate: e.startDate ? fromUtcDate(e.startDate) : null },
    });
  }
  const entries = await prisma.auditEntry.findMany({
    where: {
      OR: PUBLIC_ACTIONS.map((p) => ({
        entityType: p.entityType,
        action: p.action,
        entityId: { in: (p.entityType === "attestation" ? reports : events).map((x) => x.id) },
      })),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: LIMIT + 1,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, reason: true, actorLabel: true },
  });
  const items = entries.slice(0, LIMIT).flatMap((e): ChangelogItem[] => {
    const subject = subjects.get(`${e.entityType}:${e.entityId}`);
    const kind = PUBLIC_ACTIONS.find((p) => p.entityType === e.entityType && p.action === e.action)?.kind;
    if (!subject || !kind) return [];
    return [
      {
        id: String(e.id),
        at: e.at.toISOString(),
        kind,
        issuerSlug: subject.issuer.slug,
        issuerName: subject.issuer.name,
        isDemo: subject.issuer.isDemo,
        subject: subject.subject,
        reason: e.reason,
        by: e.actorLabel.startsWith("system:") ? null : e.actorLabel,
      },
    ];
  });
  return { items, truncated: entries.length > LIMIT };
}
