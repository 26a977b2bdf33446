import "server-only";

import { fromUtcDate } from "@/lib/domain/dates";
import { db } from "@/lib/server/db";
import { storedStressToInput, stressWithSources } from "@/lib/server/records/stress-event";

export async function editorStressEvents(slug: string) {
  const issuer = await db().issuer.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!issuer) return null;
  const events = await db().stressEvent.findMany({
    where: { issuerId: issuer.id },
    orderBy: [{ startDate: { sort: "desc", nulls: "last" } }],
    select: { id: true, kind: true, startDate: true, summary: true, updatedAt: true },
  });
  return {
    issuer,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      startDate: e.startDate ? fromUtcDate(e.startDate) : null,
      summary: e.summary,
      updatedAt: e.updatedAt.toISOString(),
    })),
  };
}

export async function editorStressEvent(id: string) {
  const stored = await db().stressEvent.findUnique({
    where: { id },
    include: { ...stressWithSources, issuer: { select: { slug: true, name: true } } },
  });
  if (!stored) return null;
  return {
    id: stored.id,
    version: stored.version,
    issuerName: stored.issuer.name,
    issuerSlug: stored.issuer.slug,
    input: storedStressToInput(stored),
  };
}
