import "server-only";

import { db } from "@/lib/server/db";
import { attestationWithLines, storedToInput } from "@/lib/server/records/report";

export async function editorAttestation(id: string) {
  const stored = await db().attestation.findUnique({
    where: { id },
    include: {
      ...attestationWithLines,
      issuer: { select: { slug: true, name: true } },
      revisions: { orderBy: { revision: "desc" }, include: { createdBy: { select: { displayName: true } } } },
    },
  });
  if (!stored) return null;
  return {
    id: stored.id,
    version: stored.version,
    state: stored.state,
    revision: stored.revision,
    issuerName: stored.issuer.name,
    issuerSlug: stored.issuer.slug,
    retractedReason: stored.retractedReason,
    firstPublishedAt: stored.firstPublishedAt?.toISOString() ?? null,
    input: storedToInput(stored),
    revisions: stored.revisions.map((r) => ({
      revision: r.revision,
      reason: r.reason,
      at: r.createdAt.toISOString(),
      by: r.createdBy?.displayName ?? "system",
    })),
  };
}
