import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
// The report record: the one Prisma include that loads it with its lines, and
// the one mapping from its stored row to the input shape (what a revision
// snapshot holds, the editor form edits and the pack re-import compares).
import { fromUtcDate } from "@/lib/domain/dates";
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import { decimalString } from "@/lib/server/queries/mappers";

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
