import "server-only";

// What every editor command shares: reading the request envelope, locking the
// record at the version the editor started from, and the audit entry.
import { z, type ZodType } from "zod";

import type { Prisma } from "@/lib/generated/prisma/client";
import { diffValues } from "@/lib/domain/editor/diff";
import type { CurrentUser } from "@/lib/server/auth";

import { CommandError, fieldErrorsOf, type FieldErrors } from "./errors";

/** A write's outcome: what to answer, and which cache tags the edge must expire. */
export interface Written<T> {
  data: T;
  tags: string[];
}

const envelope = z.object({
  // A new record's form sends no version (or null).
  version: z.preprocess(
    (v) => (v === null || v === "" ? undefined : v),
    z.coerce.number({ error: "missing: reload the page" }).int().min(1).optional(),
  ),
  /** The record as the editor's form loaded it: only used to explain a conflict. */
  baseline: z.unknown().optional(),
  input: z.unknown().optional(),
  reason: z.unknown().optional(),
});

export interface Envelope<T> {
  version: number | undefined;
  baseline: unknown;
  input: T;
  reason: unknown;
}

/** Parses `{ version?, baseline?, input, reason? }` with the input's own schema; all field errors at once. */
export function parseEnvelope<T>(
  raw: unknown,
  schema: ZodType<T>,
  extra: Record<string, ZodType> = {},
): Envelope<T> & { extra: Record<string, unknown> } {
  const outer = envelope.safeParse(raw ?? {});
  const errors: FieldErrors = {};
  if (!outer.success) Object.assign(errors, fieldErrorsOf(outer.error));
  const body = outer.success ? outer.data : {};
  const inner = schema.safeParse(body.input);
  if (!inner.success) Object.assign(errors, fieldErrorsOf(inner.error));
  const parsedExtra: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(extra)) {
    const r = s.safeParse((raw as Record<string, unknown> | null)?.[key]);
    if (r.success) parsedExtra[key] = r.data;
    else errors[key] = r.error.issues.map((i) => i.message);
  }
  if (Object.keys(errors).length)
    throw new CommandError("validation", "Some fields need attention; nothing was saved.", { fieldErrors: errors });
  return { version: body.version, baseline: body.baseline, input: inner.data as T, reason: body.reason, extra: parsedExtra };
}

export function requireVersion(version: number | undefined): number {
  if (version === undefined)
    throw new CommandError("validation", "The form did not say which version it edits: reload the page.", {
      fieldErrors: { version: ["missing"] },
    });
  return version;
}

type Table = "attestation" | "issuer" | "stress_event";

/** Locks the row until the transaction ends, so two saves from one version cannot both pass. */
export async function lockVersion(tx: Prisma.TransactionClient, table: Table, id: string): Promise<number | null> {
  // `table` comes from the closed union above, never from input.
  const rows = await tx.$queryRawUnsafe<{ version: number }[]>(`SELECT version FROM "${table}" WHERE id = $1 FOR UPDATE`, id);
  return rows[0]?.version ?? null;
}

export async function lastChange(tx: Prisma.TransactionClient, entityType: string, entityId: string) {
  const entry = await tx.auditEntry.findFirst({
    where: { entityType, entityId },
    orderBy: { id: "desc" },
    select: { actorLabel: true, at: true },
  });
  return entry ? { label: entry.actorLabel, at: entry.at.toISOString() } : null;
}

/** The refusal of a stale save: who saved meanwhile, and what changed, field by field. */
export async function conflict<T>(
  tx: Prisma.TransactionClient,
  what: { entityType: string; id: string; noun: string; canonical: (input: T) => T; schema: ZodType<T> },
  baseline: unknown,
  current: { version: number; input: T },
): Promise<CommandError> {
  const changedBy = await lastChange(tx, what.entityType, what.id);
  // The baseline comes from the form as typed: parse it like any input and put
  // both sides in one order, so only real differences are listed.
  const parsed = baseline === undefined ? null : what.schema.safeParse(baseline);
  const changes = parsed?.success ? diffValues(what.canonical(parsed.data), what.canonical(current.input)) : [];
  const who = changedBy ? ` by ${changedBy.label} at ${changedBy.at.slice(0, 16).replace("T", " ")} UTC` : "";
  return new CommandError(
    "conflict",
    `This ${what.noun} was saved${who} after you opened it; nothing was saved. Review what changed, then apply your edits to the current version.`,
    { changes, changedBy, current },
  );
}

export async function audit(
  tx: Prisma.TransactionClient,
  actor: CurrentUser | { id: string | null; displayName: string },
  entry: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown; reason?: string | null },
): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorId: actor.id,
      actorLabel: actor.displayName,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
      reason: entry.reason ?? null,
    },
  });
}

/** Runs a write as one transaction, long enough for a report with many lines. */
export const WRITE_TX = { timeout: 20_000, maxWait: 10_000 } as const;
