import "server-only";

// A correction to a published report: the values before it are kept as a
// revision (visible on the public page), the report takes the new values, and
// the audit entry the caller's command returns records both. Used by editors'
// corrections and by re-imports.
import type { Prisma } from "@/lib/generated/prisma/client";
import { changedTopFields, diffValues, RECORD_ELEMENT_KEYS, type FieldDiff } from "@/lib/domain/editor/diff";
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import { attestationFields, compositionRows, storedToInput, type StoredAttestation } from "@/lib/server/records/report";

import type { AuditEntry } from "./define";

/** Every differing cell between two versions of a report, lines matched by category (and custodian). */
export function reportChanges(before: AttestationInput, after: AttestationInput): FieldDiff[] {
  return diffValues(before, after, [], RECORD_ELEMENT_KEYS);
}

export function sameReport(a: AttestationInput, b: AttestationInput): boolean {
  return reportChanges(a, b).length === 0;
}

/** Names of the top-level fields that differ, for messages and the audit log. */
export function changedFields(before: AttestationInput, after: AttestationInput): string[] {
  return changedTopFields(reportChanges(before, after));
}

export async function applyCorrection(
  tx: Prisma.TransactionClient,
  stored: StoredAttestation,
  next: AttestationInput,
  reason: string,
  /** The editor who corrects; null for a system actor (a re-import). */
  createdById: string | null,
): Promise<AuditEntry> {
  const before = storedToInput(stored);
  await tx.attestationRevision.create({
    data: { attestationId: stored.id, revision: stored.revision, snapshot: before as object, reason, createdById },
  });
  // The version check makes a concurrent save fail instead of silently overwriting.
  const updated = await tx.attestation.updateMany({
    where: { id: stored.id, version: stored.version },
    data: { ...attestationFields(next), revision: stored.revision + 1, version: stored.version + 1 },
  });
  if (updated.count !== 1) throw new ConcurrentEditError(stored.id);
  await tx.compositionLine.deleteMany({ where: { attestationId: stored.id } });
  await tx.compositionLine.createMany({ data: compositionRows(stored.id, next) });
  return {
    action: "correct",
    entityType: "attestation",
    entityId: stored.id,
    before,
    after: next,
    reason: `${reason} (changed: ${changedFields(before, next).join(", ")})`,
  };
}

export class ConcurrentEditError extends Error {
  constructor(readonly id: string) {
    super(`The report ${id} was changed by someone else meanwhile; nothing was saved.`);
  }
}
