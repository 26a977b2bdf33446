import "server-only";

// The editor's writes to reports: draft, save, publish, correct, retract. Each
// is a defineCommand (define.ts): the shared zod schema, then one transaction
// that locks the report at the editor's version, and the audit entry it returns;
// published changes expire the issuer's and the reports' tags. Drafts never
// reach public pages, so saving one expires nothing.
import { z } from "zod";

import type { Prisma } from "@/lib/generated/prisma/client";
import { toUtcDate } from "@/lib/domain/dates";
import { attestationWarnings, type EditorWarning } from "@/lib/domain/editor/attestation-warnings";
import { asOfParts, attestationInput, type AttestationInput } from "@/lib/domain/schemas/attestation";
import { attestationEditorInput } from "@/lib/domain/schemas/attestation-editor";
import { reasonText } from "@/lib/domain/schemas/user";
import { recordReportAlert } from "@/lib/server/alerts/outbox";
import { TAGS } from "@/lib/server/queries/tags";
import {
  attestationFields,
  attestationWithLines,
  compositionRows,
  storedToInput,
  type StoredAttestation,
} from "@/lib/server/records/report";

import { applyCorrection, ConcurrentEditError, sameReport } from "./corrections";
import { defineCommand, type AuditEntry, type Context } from "./define";
import { CommandError, fieldError, isUniqueViolation } from "./errors";
import { conflict, envelope, lockVersion, requireVersion } from "./shared";

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

/**
 * Creates a draft report: the editor's "new report", and a draft started from
 * a live figure (live-sources.ts), in the caller's transaction.
 */
export async function insertDraft(tx: Prisma.TransactionClient, input: AttestationInput) {
  const issuer = await tx.issuer.findUnique({ where: { slug: input.issuerSlug }, select: { id: true } });
  if (!issuer) throw fieldError("issuerSlug", "no issuer with this slug");
  await refuseDuplicate(tx, issuer.id, input);
  // Two editors creating the same report at once: the unique key refuses the second. Back to
  // before the insert, whose failure aborted the transaction, to answer with the existing report.
  await tx.$executeRaw`SAVEPOINT create_report`;
  let created;
  try {
    created = await tx.attestation.create({ data: { issuerId: issuer.id, ...attestationFields(input) } });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT create_report`;
    await refuseDuplicate(tx, issuer.id, input);
    throw err;
  }
  await tx.compositionLine.createMany({ data: compositionRows(created.id, input) });
  const audit: AuditEntry = { action: "create", entityType: "attestation", entityId: created.id, after: input };
  return { data: saved(created, input), audit };
}

export const createAttestationDraft = defineCommand({
  name: "create attestation",
  role: "editor",
  schema: envelope(attestationEditorInput),
  run: (tx, { input }) => insertDraft(tx, input),
});

async function writeDraft(tx: Prisma.TransactionClient, stored: StoredAttestation, input: AttestationInput, publish: boolean) {
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
  const audit: AuditEntry = {
    action: publish ? "publish" : "update",
    entityType: "attestation",
    entityId: stored.id,
    before: publish ? { ...before, state: "draft" } : before,
    after: publish ? { ...input, state: "published" } : input,
  };
  return { data: saved(a, input), audit };
}

export const saveAttestationDraft = defineCommand({
  name: "save attestation draft",
  role: "editor",
  schema: envelope(attestationEditorInput),
  async run(tx, env, { params: [id] }: Context<[id: string]>) {
    const stored = await lockedReport(tx, id, requireVersion(env.version), env.baseline);
    if (stored.state !== "draft") {
      throw new CommandError(
        "state",
        "This report is already published: use “Correct”, which keeps the earlier values as a revision. Nothing was saved.",
      );
    }
    keepIssuer(stored, env.input);
    return writeDraft(tx, stored, env.input, false);
  },
});

export const publishAttestation = defineCommand({
  name: "publish attestation",
  role: "editor",
  schema: envelope(attestationEditorInput),
  async run(tx, env, { params: [id] }: Context<[id: string]>) {
    const version = requireVersion(env.version);
    requireSource(env.input);
    const stored = await lockedReport(tx, id, version, env.baseline);
    if (stored.state !== "draft") throw new CommandError("state", `This report is ${stored.state}, not a draft; nothing was saved.`);
    keepIssuer(stored, env.input);
    const published = await writeDraft(tx, stored, env.input, true);
    await recordReportAlert(tx, "report_published", id); // the alert outbox, in this transaction
    return { ...published, tags: publicTags(env.input.issuerSlug) };
  },
});

export const correctAttestation = defineCommand({
  name: "correct attestation",
  role: "editor",
  schema: envelope(attestationEditorInput, { reason: reasonText }),
  async run(tx, env, { actor, params: [id] }: Context<[id: string]>) {
    const version = requireVersion(env.version);
    const { reason } = env.extra;
    requireSource(env.input);
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
    let audit: AuditEntry;
    try {
      audit = await applyCorrection(tx, stored, env.input, reason, actor.id);
    } catch (err) {
      // The row is locked, so this only happens if the lock was bypassed: still never overwrite.
      if (err instanceof ConcurrentEditError) throw new CommandError("conflict", err.message);
      throw err;
    }
    await recordReportAlert(tx, "report_corrected", id, { reason }); // the alert outbox, in this transaction
    const corrected = await tx.attestation.findUniqueOrThrow({ where: { id } });
    return { data: saved(corrected, env.input), tags: publicTags(env.input.issuerSlug), audit };
  },
});

/** Admin only: the report stays visible, marked retracted, with the reason. */
export const retractAttestation = defineCommand({
  name: "retract attestation",
  role: "admin",
  schema: envelope(z.unknown(), { reason: reasonText }),
  async run(tx, env, { params: [id] }: Context<[id: string]>) {
    const version = requireVersion(env.version);
    const { reason } = env.extra;
    const stored = await lockedReport(tx, id, version, env.baseline);
    if (stored.state !== "published")
      throw new CommandError("state", `Only a published report can be retracted; this one is ${stored.state}. Nothing was saved.`);
    const a = await tx.attestation.update({
      where: { id },
      data: { state: "retracted", retractedAt: new Date(), retractedReason: reason, version: { increment: 1 } },
    });
    await recordReportAlert(tx, "report_retracted", id, { reason }); // the alert outbox, in this transaction
    const input = storedToInput(stored);
    return {
      data: saved(a, input),
      tags: publicTags(input.issuerSlug),
      audit: {
        action: "retract",
        entityType: "attestation",
        entityId: id,
        before: { state: "published" },
        after: { state: "retracted", retractedReason: reason },
        reason,
      },
    };
  },
});
