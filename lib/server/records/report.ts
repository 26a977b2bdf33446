import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
// The report record: the one Prisma include that loads it with its lines, and
// the one mapping from its stored row to the input shape (what a revision
// snapshot holds, the editor form edits and the pack re-import compares).
import { fromUtcDate } from "@/lib/domain/dates";
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import type { AttestationData } from "@/lib/domain/types";
import { decimalString, figure } from "@/lib/server/queries/mappers";

export const attestationWithLines = {
  issuer: { select: { slug: true } },
  composition: { orderBy: [{ category: "asc" }, { custodian: "asc" }] },
} satisfies Prisma.AttestationInclude;
export type StoredAttestation = Prisma.AttestationGetPayload<{ include: typeof attestationWithLines }>;

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
    tokensOutstanding: figure(a.tokensOutstanding, a.tokensPrecision),
    totalReserves: figure(a.totalReserves, a.reservesPrecision),
    liquidity1dPct: decimalString(a.liquidity1dPct),
    liquidity7dPct: decimalString(a.liquidity7dPct),
    liquidity30dPct: decimalString(a.liquidity30dPct),
    notes: a.notes,
    composition: [...a.composition]
      .sort((x, y) => x.category.localeCompare(y.category) || x.custodian.localeCompare(y.custodian))
      .map((l) => ({
        category: l.category,
        amountUsd: figure(l.amountUsd, l.amountPrecision),
        sharePct: decimalString(l.sharePct),
        custodian: l.custodian || null,
        maturity: l.maturity,
        sourceUrl: l.sourceUrl,
      })),
  };
}

/**
 * The read model public pages, feeds and the API use: the input shape with the record's id,
 * state and revision, the as-of date as a day (with its precision beside it) and the
 * liquidity ladder grouped.
 */
export function toAttestationData(a: StoredAttestation): AttestationData {
  const { asOf: _monthOrDay, liquidity1dPct, liquidity7dPct, liquidity30dPct, ...fields } = storedToInput(a);
  return {
    id: a.id,
    ...fields,
    asOf: fromUtcDate(a.asOf),
    asOfPrecision: a.asOfPrecision,
    liquidity: { within1dPct: liquidity1dPct, within7dPct: liquidity7dPct, within30dPct: liquidity30dPct },
    state: a.state,
    revision: a.revision,
    retractedReason: a.retractedReason,
  };
}
