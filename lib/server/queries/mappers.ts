import "server-only";

// Database rows → the plain shapes of lib/domain/types.ts. Decimals leave the
// database as strings at the precision they were stored with.
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromUtcDate } from "@/lib/domain/dates";
import type { Precision } from "@/lib/domain/taxonomy";
import type { AttestationData, Figure, StressEventData } from "@/lib/domain/types";

type Dec = Prisma.Decimal | null;

/** Decimal → plain string without trailing fraction zeros ("39700000000", "12.5"). */
export function decimalString(d: Dec): string | null {
  if (d === null) return null;
  return d
    .toFixed()
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

function figure(d: Dec, p: Precision | null): Figure | null {
  const value = decimalString(d);
  return value === null || p === null ? null : { value, precision: p };
}

export const attestationInclude = {
  issuer: { select: { slug: true } },
  composition: { orderBy: [{ category: "asc" }, { custodian: "asc" }] },
} satisfies Prisma.AttestationInclude;

type AttestationRow = Prisma.AttestationGetPayload<{ include: typeof attestationInclude }>;

export function toAttestationData(a: AttestationRow): AttestationData {
  return {
    id: a.id,
    issuerSlug: a.issuer.slug,
    asOf: fromUtcDate(a.asOf),
    asOfPrecision: a.asOfPrecision,
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
    liquidity: {
      within1dPct: decimalString(a.liquidity1dPct),
      within7dPct: decimalString(a.liquidity7dPct),
      within30dPct: decimalString(a.liquidity30dPct),
    },
    notes: a.notes,
    state: a.state,
    revision: a.revision,
    retractedReason: a.retractedReason,
    composition: a.composition.map((l) => ({
      category: l.category,
      amountUsd: figure(l.amountUsd, l.amountPrecision),
      sharePct: decimalString(l.sharePct),
      custodian: l.custodian || null,
      maturity: l.maturity,
      sourceUrl: l.sourceUrl,
    })),
  };
}

// The issuer's include and read model live with its record (one mapping per record).
export { issuerWithLists as issuerInclude, toIssuerData } from "@/lib/server/records/issuer";

export const stressInclude = {
  issuer: { select: { slug: true } },
  sources: { orderBy: { url: "asc" } },
} satisfies Prisma.StressEventInclude;

type StressRow = Prisma.StressEventGetPayload<{ include: typeof stressInclude }>;

export function toStressEventData(e: StressRow): StressEventData {
  return {
    id: e.id,
    issuerSlug: e.issuer.slug,
    startDate: e.startDate ? fromUtcDate(e.startDate) : null,
    endDate: e.endDate ? fromUtcDate(e.endDate) : null,
    kind: e.kind,
    lowestPrice: decimalString(e.lowestPrice),
    reserveExposureUsd: figure(e.reserveExposureUsd, e.exposurePrecision),
    summary: e.summary,
    issuerResponse: e.issuerResponse,
    sources: e.sources.map((s) => ({ url: s.url, title: s.title })),
  };
}
