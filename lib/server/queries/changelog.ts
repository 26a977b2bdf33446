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
  // The entries are chosen in SQL, joined to their subjects: a list of every public report's id as query
  // parameters outgrows PostgreSQL's limit of 65,535 parameters at a few tens of thousands of reports.
  const slug = issuerSlug ?? null;
  const entries = await prisma.$queryRaw<
    { id: bigint; at: Date; action: string; entityType: string; entityId: string; reason: string | null; actorLabel: string }[]
  >`
    SELECT ae.id, ae.at, ae.action, ae.entity_type AS "entityType", ae.entity_id AS "entityId", ae.reason, ae.actor_label AS "actorLabel"
    FROM audit_entry ae
    WHERE (ae.entity_type = 'attestation' AND ae.action IN ('publish', 'correct', 'retract') AND ae.entity_id IN (
            SELECT a.id FROM attestation a JOIN issuer i ON i.id = a.issuer_id
            WHERE a.state IN ('published', 'retracted') AND (${slug}::text IS NULL OR i.slug = ${slug}::text)))
       OR (ae.entity_type = 'stress_event' AND ae.action IN ('create', 'update') AND ae.entity_id IN (
            SELECT e.id FROM stress_event e JOIN issuer i ON i.id = e.issuer_id
            WHERE ${slug}::text IS NULL OR i.slug = ${slug}::text))
    ORDER BY ae.at DESC, ae.id DESC
    LIMIT ${LIMIT + 1}`;
  const idsOf = (type: string) => [...new Set(entries.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const issuerSelect = { select: { slug: true, name: true, isDemo: true } };
  const [reports, events] = await Promise.all([
    prisma.attestation.findMany({
      where: { id: { in: idsOf("attestation") } },
      select: { id: true, asOf: true, asOfPrecision: true, reportType: true, issuer: issuerSelect },
    }),
    prisma.stressEvent.findMany({
      where: { id: { in: idsOf("stress_event") } },
      select: { id: true, kind: true, startDate: true, issuer: issuerSelect },
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
