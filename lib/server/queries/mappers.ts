import "server-only";

// Database rows → the plain shapes of lib/domain/types.ts. Decimals leave the
// database as strings at the precision they were stored with.
import type { Prisma } from "@/lib/generated/prisma/client";
import { fromUtcDate } from "@/lib/domain/dates";
import type { Precision } from "@/lib/domain/taxonomy";
import type { Figure, StressEventData } from "@/lib/domain/types";

type Dec = Prisma.Decimal | null;

/** Decimal → plain string without trailing fraction zeros ("39700000000", "12.5"). */
export function decimalString(d: Dec): string | null {
  if (d === null) return null;
  return d
    .toFixed()
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
}

export function figure(d: Dec, p: Precision | null): Figure | null {
  const value = decimalString(d);
  return value === null || p === null ? null : { value, precision: p };
}

// A report's include and read model live with its record (one mapping per record).
export { attestationWithLines as attestationInclude, toAttestationData } from "@/lib/server/records/report";

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
