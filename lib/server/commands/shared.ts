import "server-only";

// What the editor's commands share besides defineCommand (define.ts): the
// request envelope, and locking a record at the version the editor started from.
import { z, type ZodType } from "zod";

import type { Prisma } from "@/lib/generated/prisma/client";
import { diffValues } from "@/lib/domain/editor/diff";

import { CommandError } from "./errors";

/** A write's outcome: what to answer, and which cache tags the edge must expire. */
export interface Written<T> {
  data: T;
  tags: string[];
}

const envelopeShape = z.object({
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

/**
 * The body `{ version?, baseline?, input, reason? }` as one schema: the input
 * parsed with the record's own schema, and `extra` top-level fields (a
 * correction's reason) with theirs. Every error at once, keyed as the form names
 * the field ("composition.2.amountUsd.value", not "input.composition.2…").
 */
export function envelope<I extends ZodType, E extends Record<string, ZodType> = Record<never, ZodType>>(input: I, extra?: E) {
  return z.unknown().transform((raw, ctx) => {
    const outer = envelopeShape.safeParse(raw ?? {});
    const inner = input.safeParse(outer.success ? outer.data.input : undefined);
    const issues = [...(outer.error?.issues ?? []), ...(inner.error?.issues ?? [])];
    const parsedExtra: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(extra ?? {})) {
      const r = schema.safeParse((raw as Record<string, unknown> | null)?.[key]);
      if (r.success) parsedExtra[key] = r.data;
      else issues.push(...r.error.issues.map((i) => ({ ...i, path: [key] })));
    }
    if (!outer.success || !inner.success || issues.length) {
      for (const issue of issues) ctx.issues.push({ ...issue, input: undefined });
      return z.NEVER;
    }
    return {
      version: outer.data.version,
      baseline: outer.data.baseline,
      input: inner.data as z.output<I>,
      reason: outer.data.reason,
      extra: parsedExtra as { [K in keyof E]: z.output<E[K]> },
    };
  });
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

/** Runs a write as one transaction, long enough for a report with many lines. */
export const WRITE_TX = { timeout: 20_000, maxWait: 10_000 } as const;
