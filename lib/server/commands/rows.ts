import "server-only";

// Validated input → database rows. One place maps the shared zod shapes to
// Prisma's, so editor saves, bulk import and dataset loads store alike.
import type { Prisma } from "@/lib/generated/prisma/client";
import { toUtcDate } from "@/lib/domain/dates";
import { asOfParts, type AttestationInput } from "@/lib/domain/schemas/attestation";
import type { StressEventInput } from "@/lib/domain/schemas/stress-event";

export function attestationFields(a: AttestationInput) {
  const { asOf, asOfPrecision } = asOfParts(a.asOf);
  return {
    asOf: toUtcDate(asOf),
    asOfPrecision,
    publishedOn: a.publishedOn ? toUtcDate(a.publishedOn) : null,
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
    tokensOutstanding: a.tokensOutstanding?.value ?? null,
    tokensPrecision: a.tokensOutstanding?.precision ?? null,
    totalReserves: a.totalReserves?.value ?? null,
    reservesPrecision: a.totalReserves?.precision ?? null,
    liquidity1dPct: a.liquidity1dPct,
    liquidity7dPct: a.liquidity7dPct,
    liquidity30dPct: a.liquidity30dPct,
    notes: a.notes,
  };
}

export function compositionRows(attestationId: string, a: AttestationInput): Prisma.CompositionLineCreateManyInput[] {
  return a.composition.map((l) => ({
    attestationId,
    category: l.category,
    amountUsd: l.amountUsd?.value ?? null,
    amountPrecision: l.amountUsd?.precision ?? null,
    sharePct: l.sharePct,
    custodian: l.custodian ?? "",
    maturity: l.maturity,
    sourceUrl: l.sourceUrl,
  }));
}

export function stressEventFields(e: StressEventInput) {
  return {
    startDate: e.startDate ? toUtcDate(e.startDate) : null,
    endDate: e.endDate ? toUtcDate(e.endDate) : null,
    kind: e.kind,
    lowestPrice: e.lowestPrice,
    reserveExposureUsd: e.reserveExposureUsd?.value ?? null,
    exposurePrecision: e.reserveExposureUsd?.precision ?? null,
    summary: e.summary,
    issuerResponse: e.issuerResponse,
  };
}
