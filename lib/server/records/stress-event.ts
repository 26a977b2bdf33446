import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
// The stress-event record: the one Prisma include that loads it whole, and the
// mappings between its input shape and its stored row, both ways.
import { fromUtcDate, toUtcDate } from "@/lib/domain/dates";
import type { StressEventInput } from "@/lib/domain/schemas/stress-event";
import { decimalString } from "@/lib/server/queries/mappers";

export const stressWithSources = {
  issuer: { select: { slug: true } },
  sources: { orderBy: { url: "asc" } },
} satisfies Prisma.StressEventInclude;
export type StoredStressEvent = Prisma.StressEventGetPayload<{ include: typeof stressWithSources }>;

/** Input -> the stress event's columns (without its issuer and sources). */
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

export function storedStressToInput(e: StoredStressEvent): StressEventInput {
  return {
    issuerSlug: e.issuer.slug,
    startDate: e.startDate ? fromUtcDate(e.startDate) : null,
    endDate: e.endDate ? fromUtcDate(e.endDate) : null,
    kind: e.kind,
    lowestPrice: decimalString(e.lowestPrice),
    reserveExposureUsd:
      e.reserveExposureUsd !== null && e.exposurePrecision !== null
        ? { value: decimalString(e.reserveExposureUsd)!, precision: e.exposurePrecision }
        : null,
    summary: e.summary,
    issuerResponse: e.issuerResponse,
    sources: e.sources.map((s) => ({ url: s.url, title: s.title })),
  };
}
