import "server-only";
// A correction to a published report: the values before it are kept as a
// revision (visible on the public page), the report takes the new values, and
// the audit log records both. Used by editors' corrections and by re-imports.
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromUtcDate } from "@/lib/domain/dates";
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import { decimalString } from "@/lib/server/queries/mappers";
import { attestationFields, compositionRows } from "./rows";

export const attestationWithLines = { composition: true, issuer: { select: { slug: true } } } satisfies Prisma.AttestationInclude;
export type StoredAttestation = Prisma.AttestationGetPayload<{ include: typeof attestationWithLines }>;

const fig = (value: Prisma.Decimal | null, precision: string | null) =>
  value === null || precision === null ? null : { value: decimalString(value)!, precision: precision as "exact" };

/** The stored report in the shape of the input schema (what a revision snapshot holds). */
export function storedToInput(a: StoredAttestation): AttestationInput {
  const asOf = fromUtcDate(a.asOf);
  return {
    issuerSlug: a.issuer.slug,
    asOf: a.asOfPrecision === "month" ? asOf.slice(0, 7) : asOf,
    publishedOn: a.publishedOn ? fromUtcDate(a.publishedOn) : null,
    reportType: a.reportType,
    assurance: a.assurance,
    firm: a.firm,
    standard: a.standard,
    opinion: a.opinion,
    scope: a.scope,
    reportUrl: a.reportUrl,
    reportSha256: a.reportSha256,
    sourceUrl: a.sourceUrl,
    sourceKind: a.sourceKind,
    tokensOutstanding: fig(a.tokensOutstanding, a.tokensPrecision),
    totalReserves: fig(a.totalReserves, a.reservesPrecision),
    liquidity1dPct: decimalString(a.liquidity1dPct),
    liquidity7dPct: decimalString(a.liquidity7dPct),
    liquidity30dPct: decimalString(a.liquidity30dPct),
    notes: a.notes,
    composition: [...a.composition]
      .sort((x, y) => x.category.localeCompare(y.category) || x.custodian.localeCompare(y.custodian))
      .map((l) => ({
        category: l.category,
        amountUsd: fig(l.amountUsd, l.amountPrecision),
        sharePct: decimalString(l.sharePct),
        custodian: l.custodian || null,
        maturity: l.maturity,
        sourceUrl: l.sourceUrl,
      })),
  };
}

/** Canonical form for comparing two versions of a report (order of lines, number spelling). */
function canonical(input: AttestationInput): string {
  const num = (s: string | null) => (s === null ? null : decimalStringOf(s));
  const f = (x: { value: string; precision: string } | null) => (x ? { value: num(x.value), precision: x.precision } : null);
  return JSON.stringify({
    ...input,
    tokensOutstanding: f(input.tokensOutstanding),
    totalReserves: f(input.totalReserves),
    liquidity1dPct: num(input.liquidity1dPct),
    liquidity7dPct: num(input.liquidity7dPct),
    liquidity30dPct: num(input.liquidity30dPct),
    composition: [...input.composition]
      .map((l) => ({ ...l, amountUsd: f(l.amountUsd), sharePct: num(l.sharePct), custodian: l.custodian ?? null }))
      .sort((x, y) => x.category.localeCompare(y.category) || (x.custodian ?? "").localeCompare(y.custodian ?? "")),
  });
}

function decimalStringOf(s: string): string {
  const [int = "0", frac = ""] = s.split(".");
  const i = int.replace(/^0+(?=\d)/, "");
  const f = frac.replace(/0+$/, "");
  return f ? `${i}.${f}` : i;
}

export function sameReport(a: AttestationInput, b: AttestationInput): boolean {
  return canonical(a) === canonical(b);
}

/** Names of the top-level fields that differ, for messages and the audit log. */
export function changedFields(before: AttestationInput, after: AttestationInput): string[] {
  const keys = Object.keys(after) as (keyof AttestationInput)[];
  return keys.filter((k) => {
    const wrap = (x: AttestationInput) => canonical({ ...before, [k]: x[k] } as AttestationInput);
    return wrap(before) !== wrap(after);
  });
}

export async function applyCorrection(
  tx: Prisma.TransactionClient,
  stored: StoredAttestation,
  next: AttestationInput,
  reason: string,
  actor: { id: string | null; label: string },
): Promise<{ revision: number }> {
  const before = storedToInput(stored);
  await tx.attestationRevision.create({
    data: { attestationId: stored.id, revision: stored.revision, snapshot: before as object, reason, createdById: actor.id },
  });
  // The version check makes a concurrent save fail instead of silently overwriting.
  const updated = await tx.attestation.updateMany({
    where: { id: stored.id, version: stored.version },
    data: { ...attestationFields(next), revision: stored.revision + 1, version: stored.version + 1 },
  });
  if (updated.count !== 1) throw new ConcurrentEditError(stored.id);
  await tx.compositionLine.deleteMany({ where: { attestationId: stored.id } });
  await tx.compositionLine.createMany({ data: compositionRows(stored.id, next) });
  await tx.auditEntry.create({
    data: {
      actorId: actor.id,
      actorLabel: actor.label,
      action: "correct",
      entityType: "attestation",
      entityId: stored.id,
      before: before as object,
      after: next as object,
      reason: `${reason} (changed: ${changedFields(before, next).join(", ")})`,
    },
  });
  return { revision: stored.revision + 1 };
}

export class ConcurrentEditError extends Error {
  constructor(readonly id: string) {
    super(`The report ${id} was changed by someone else meanwhile; nothing was saved.`);
  }
}
