import "server-only";

// Reads of reader corrections: the public follow view (by token, never the
// contact) and the editor queue (pending first, snapshot beside current values).
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import { db } from "@/lib/server/db";
import { attestationWithLines, storedToInput } from "@/lib/server/records/report";
import { isFollowTokenShape, sha256 } from "@/lib/server/suggestions/tokens";

export interface PublicSuggestion {
  status: "pending" | "accepted" | "declined";
  /** "pending", "accepted" or "declined: <reason>" */
  statusText: string;
  issuerName: string;
  issuerSlug: string;
  field: string;
  figure: string;
  proposedValue: string;
  sourceUrl: string;
  createdAt: string;
  decidedAt: string | null;
}

export async function suggestionByFollowToken(token: string): Promise<PublicSuggestion | null> {
  if (!isFollowTokenShape(token)) return null;
  const s = await db().correctionSuggestion.findUnique({
    where: { followTokenHash: sha256(token) },
    // The contact is never selected here, so no public page can show it.
    select: {
      status: true,
      declineReason: true,
      field: true,
      figure: true,
      proposedValue: true,
      sourceUrl: true,
      createdAt: true,
      decidedAt: true,
      issuer: { select: { name: true, slug: true } },
    },
  });
  if (!s) return null;
  return {
    status: s.status,
    statusText: s.status === "declined" ? `declined: ${s.declineReason ?? ""}` : s.status,
    issuerName: s.issuer.name,
    issuerSlug: s.issuer.slug,
    field: s.field,
    figure: s.figure,
    proposedValue: s.proposedValue,
    sourceUrl: s.sourceUrl,
    createdAt: s.createdAt.toISOString(),
    decidedAt: s.decidedAt?.toISOString() ?? null,
  };
}

export type ReportValues = Pick<AttestationInput, "asOf" | "publishedOn" | "totalReserves" | "tokensOutstanding" | "composition"> & {
  revision?: number;
  state?: string;
};

export interface QueuedSuggestion {
  id: string;
  status: "pending" | "accepted" | "declined";
  declineReason: string | null;
  issuerName: string;
  issuerSlug: string;
  attestationId: string | null;
  field: string;
  figure: string;
  proposedValue: string;
  sourceUrl: string;
  contact: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  shown: ReportValues | null;
  current: ReportValues | null;
}

const pick = (r: ReportValues & Record<string, unknown>): ReportValues => ({
  asOf: r.asOf,
  publishedOn: r.publishedOn,
  totalReserves: r.totalReserves,
  tokensOutstanding: r.tokensOutstanding,
  composition: r.composition,
  revision: r.revision,
  state: r.state,
});

/** Pending suggestions oldest first, then the 50 most recently decided. */
export async function suggestionQueue(): Promise<QueuedSuggestion[]> {
  const include = {
    issuer: { select: { name: true, slug: true } },
    decidedBy: { select: { displayName: true } },
    attestation: { include: attestationWithLines },
  } as const;
  const [pending, decided] = await Promise.all([
    db().correctionSuggestion.findMany({ where: { status: "pending" }, orderBy: { createdAt: "asc" }, include, take: 200 }),
    db().correctionSuggestion.findMany({ where: { status: { not: "pending" } }, orderBy: { decidedAt: "desc" }, include, take: 50 }),
  ]);
  return [...pending, ...decided].map((s) => {
    const snap = s.snapshot as { report?: (ReportValues & Record<string, unknown>) | null } | null;
    return {
      id: s.id,
      status: s.status,
      declineReason: s.declineReason,
      issuerName: s.issuer.name,
      issuerSlug: s.issuer.slug,
      attestationId: s.attestationId,
      field: s.field,
      figure: s.figure,
      proposedValue: s.proposedValue,
      sourceUrl: s.sourceUrl,
      contact: s.contact,
      createdAt: s.createdAt.toISOString(),
      decidedAt: s.decidedAt?.toISOString() ?? null,
      decidedBy: s.decidedBy?.displayName ?? null,
      shown: snap?.report ? pick(snap.report) : null,
      current: s.attestation
        ? pick({ ...storedToInput(s.attestation), revision: s.attestation.revision, state: s.attestation.state })
        : null,
    };
  });
}

/** For the correction form opened from an accepted suggestion. */
export async function suggestionForReport(id: string, attestationId: string) {
  return db().correctionSuggestion.findFirst({
    where: { id, attestationId },
    select: { id: true, field: true, figure: true, proposedValue: true, sourceUrl: true },
  });
}
