import "server-only";

// The editor's writes to reports: draft, save, publish, correct, retract.
// Each: role check (before reading the input, so an anonymous caller learns
// nothing about it) → the shared zod schema → one transaction that locks the
// report at the editor's version and appends the audit entry → the cache tags
// the edge expires. Drafts never reach public pages, so saving one expires nothing.
import { z } from "zod";

import type { Prisma } from "@/lib/generated/prisma/client";
import { toUtcDate } from "@/lib/domain/dates";
import { attestationWarnings, type EditorWarning } from "@/lib/domain/editor/attestation-warnings";
import { asOfParts, attestationInput, type AttestationInput } from "@/lib/domain/schemas/attestation";
import { attestationEditorInput } from "@/lib/domain/schemas/attestation-editor";
import { reasonText } from "@/lib/domain/schemas/user";
import { recordReportAlert } from "@/lib/server/alerts/outbox";
import { requireRole, type CurrentUser } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { TAGS } from "@/lib/server/queries/tags";
import { attestationWithLines, storedToInput, type StoredAttestation } from "@/lib/server/records/report";

import { applyCorrection, ConcurrentEditError, sameReport } from "./corrections";
import { CommandError, fieldError, isUniqueViolation } from "./errors";
import { attestationFields, compositionRows } from "./rows";
import { audit, conflict, lockVersion, parseEnvelope, requireVersion, WRITE_TX, type Written } from "./shared";

export interface SavedAttestation {
  id: string;
  version: number;
  state: "draft" | "published" | "retracted";
  revision: number;
  issuerSlug: string;
  warnings: EditorWarning[];
}

export const editorAttestationHref = (id: string) => `/editor/attestations/${id}`;
const publicTags = (slug: string) => [TAGS.issuer(slug), TAGS.attestations];

/** Lines in the order the database returns them, so two versions compare line by line. */
const canonicalAttestation = (a: AttestationInput): AttestationInput => ({
  ...a,
  composition: [...a.composition].sort(
    (x, y) => x.category.localeCompare(y.category) || (x.custodian ?? "").localeCompare(y.custodian ?? ""),
  ),
});

async function refuseDuplicate(tx: Prisma.TransactionClient, issuerId: string, input: AttestationInput, exceptId?: string) {
  const existing = await tx.attestation.findFirst({
    where: {
      issuerId,
      asOf: toUtcDate(asOfParts(input.asOf).asOf),
      reportType: input.reportType,
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (existing) {
    throw new CommandError(
      "duplicate",
      "A report of this type with this as-of date already exists for this issuer; nothing was saved. Open it instead of adding a second one.",
      {
        existing: { id: existing.id, href: editorAttestationHref(existing.id) },
        fieldErrors: { asOf: ["a report of this type already exists for this as-of date"] },
      },
    );
  }
}

function requireSource(input: AttestationInput) {
  if (!input.reportUrl && !input.sourceUrl) {
    throw fieldError(
      "reportUrl",
      "required to publish: the report's web address, or a source URL for the page the figures were read from",
      "A report URL or source URL is required to publish; nothing was saved.",
    );
  }
}

/** Loads and locks the report; refuses a stale version with what changed meanwhile. */
async function lockedReport(tx: Prisma.TransactionClient, id: string, version: number, baseline: unknown): Promise<StoredAttestation> {
  const current = await lockVersion(tx, "attestation", id);
  if (current === null) throw new CommandError("not_found", "This report no longer exists; nothing was saved.");
  const stored = await tx.attestation.findUniqueOrThrow({ where: { id }, include: attestationWithLines });
  if (current !== version) {
    throw await conflict(
      tx,
      { entityType: "attestation", id, noun: "report", schema: attestationInput, canonical: canonicalAttestation },
      baseline,
      {
        version: current,
        input: storedToInput(stored),
      },
    );
  }
  return stored;
}

function keepIssuer(stored: StoredAttestation, input: AttestationInput) {
  if (stored.issuer.slug !== input.issuerSlug)
    throw fieldError("issuerSlug", "a report cannot move to another issuer; create it there instead");
}

function saved(
  a: { id: string; version: number; state: SavedAttestation["state"]; revision: number },
  input: AttestationInput,
): SavedAttestation {
  return {
    id: a.id,
    version: a.version,
    state: a.state,
    revision: a.revision,
    issuerSlug: input.issuerSlug,
    warnings: attestationWarnings(input),
  };
}

export async function createAttestationDraft(raw: unknown): Promise<Written<SavedAttestation>> {
  const user = await requireRole("editor");
  const { input } = parseEnvelope(raw, attestationEditorInput);
  const create = () =>
    db().$transaction(async (tx) => {
      const issuer = await tx.issuer.findUnique({ where: { slug: input.issuerSlug }, select: { id: true } });
      if (!issuer) throw fieldError("issuerSlug", "no issuer with this slug");
      await refuseDuplicate(tx, issuer.id, input);
      const a = await tx.attestation.create({ data: { issuerId: issuer.id, ...attestationFields(input) } });
      await tx.compositionLine.createMany({ data: compositionRows(a.id, input) });
      await audit(tx, user, { action: "create", entityType: "attestation", entityId: a.id, after: input });
      return a;
    }, WRITE_TX);
  let created;
  try {
    created = await create();
  } catch (err) {
    // Two editors creating the same report at once: the unique key refuses the second.
    if (!isUniqueViolation(err)) throw err;
    return db().$transaction(async (tx) => {
      const issuer = await tx.issuer.findUniqueOrThrow({ where: { slug: input.issuerSlug }, select: { id: true } });
      await refuseDuplicate(tx, issuer.id, input);
      throw err;
    });
  }
  return { data: saved(created, input), tags: [] };
}

async function writeDraft(
  tx: Prisma.TransactionClient,
  user: CurrentUser,
  stored: StoredAttestation,
  input: AttestationInput,
  publish: boolean,
) {
  await refuseDuplicate(tx, stored.issuerId, input, stored.id);
  const a = await tx.attestation.update({
    where: { id: stored.id },
    data: {
      ...attestationFields(input),
      version: { increment: 1 },
      ...(publish ? { state: "published", firstPublishedAt: new Date() } : {}),
    },
  });
  await tx.compositionLine.deleteMany({ where: { attestationId: stored.id } });
  await tx.compositionLine.createMany({ data: compositionRows(stored.id, input) });
  const before = storedToInput(stored);
  await audit(tx, user, {
    action: publish ? "publish" : "update",
    entityType: "attestation",
    entityId: stored.id,
    before: publish ? { ...before, state: "draft" } : before,
    after: publish ? { ...input, state: "published" } : input,
  });
  return a;
}

export async function saveAttestationDraft(id: string, raw: unknown): Promise<Written<SavedAttestation>> {
  const user = await requireRole("editor");
  const env = parseEnvelope(raw, attestationEditorInput);
  const version = requireVersion(env.version);
  const a = await db().$transaction(async (tx) => {
    const stored = await lockedReport(tx, id, version, env.baseline);
    if (stored.state !== "draft") {
      throw new CommandError(
        "state",
        "This report is already published: use “Correct”, which keeps the earlier values as a revision. Nothing was saved.",
      );
    }
    keepIssuer(stored, env.input);
    return writeDraft(tx, user, stored, env.input, false);
  }, WRITE_TX);
  return { data: saved(a, env.input), tags: [] };
}

export async function publishAttestation(id: string, raw: unknown): Promise<Written<SavedAttestation>> {
  const user = await requireRole("editor");
  const env = parseEnvelope(raw, attestationEditorInput);
  const version = requireVersion(env.version);
  requireSource(env.input);
  const a = await db().$transaction(async (tx) => {
    const stored = await lockedReport(tx, id, version, env.baseline);
    if (stored.state !== "draft") throw new CommandError("state", `This report is ${stored.state}, not a draft; nothing was saved.`);
    keepIssuer(stored, env.input);
    const published = await writeDraft(tx, user, stored, env.input, true);
    await recordReportAlert(tx, "report_published", id); // the alert outbox, in this transaction
    return published;
  }, WRITE_TX);
  return { data: saved(a, env.input), tags: publicTags(env.input.issuerSlug) };
}

export async function correctAttestation(id: string, raw: unknown): Promise<Written<SavedAttestation>> {
  const user = await requireRole("editor");
  const env = parseEnvelope(raw, attestationEditorInput, { reason: reasonText });
  const version = requireVersion(env.version);
  const reason = env.extra.reason as string;
  requireSource(env.input);
  const result = await db().$transaction(async (tx) => {
    const stored = await lockedReport(tx, id, version, env.baseline);
    if (stored.state !== "published")
      throw new CommandError("state", `Only a published report can be corrected; this one is ${stored.state}. Nothing was saved.`);
    keepIssuer(stored, env.input);
    if (sameReport(storedToInput(stored), env.input)) {
      throw new CommandError("validation", "Nothing differs from the published values: change a figure before saving a correction.", {
        fieldErrors: { _form: ["no change"] },
      });
    }
    await refuseDuplicate(tx, stored.issuerId, env.input, stored.id);
    try {
      await applyCorrection(tx, stored, env.input, reason, { id: user.id, label: user.displayName });
    } catch (err) {
      // The row is locked, so this only happens if the lock was bypassed: still never overwrite.
      if (err instanceof ConcurrentEditError) throw new CommandError("conflict", err.message);
      throw err;
    }
    await recordReportAlert(tx, "report_corrected", id, { reason }); // the alert outbox, in this transaction
    return tx.attestation.findUniqueOrThrow({ where: { id } });
  }, WRITE_TX);
  return { data: saved(result, env.input), tags: publicTags(env.input.issuerSlug) };
}

/** Admin only: the report stays visible, marked retracted, with the reason. */
export async function retractAttestation(id: string, raw: unknown): Promise<Written<SavedAttestation>> {
  const user = await requireRole("admin");
  const env = parseEnvelope(raw, z.unknown(), { reason: reasonText });
  const version = requireVersion(env.version);
  const reason = env.extra.reason as string;
  const result = await db().$transaction(async (tx) => {
    const stored = await lockedReport(tx, id, version, env.baseline);
    if (stored.state !== "published")
      throw new CommandError("state", `Only a published report can be retracted; this one is ${stored.state}. Nothing was saved.`);
    const a = await tx.attestation.update({
      where: { id },
      data: { state: "retracted", retractedAt: new Date(), retractedReason: reason, version: { increment: 1 } },
    });
    await audit(tx, user, {
      action: "retract",
      entityType: "attestation",
      entityId: id,
      before: { state: "published" },
      after: { state: "retracted", retractedReason: reason },
      reason,
    });
    await recordReportAlert(tx, "report_retracted", id, { reason }); // the alert outbox, in this transaction
    return { a, input: storedToInput(stored) };
  }, WRITE_TX);
  return { data: saved(result.a, result.input), tags: publicTags(result.input.issuerSlug) };
}
