import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
// The issuer record: the one Prisma include that loads it whole, and its
// mappings: input shape → row (every write), stored row → input shape (what the
// editor form edits, the audit log keeps and the pack re-import compares), and
// stored row → the read model public pages use (built on the input shape).
import { fromUtcDate, toUtcDate } from "@/lib/domain/dates";
import type { IssuerInput } from "@/lib/domain/schemas/issuer";
import type { IssuerData } from "@/lib/domain/types";
import { decimalString } from "@/lib/server/queries/mappers";

export const issuerWithLists = {
  licences: { orderBy: [{ since: "asc" }, { regulator: "asc" }] },
  counterparties: { orderBy: [{ role: "asc" }, { name: "asc" }] },
} satisfies Prisma.IssuerInclude;
export type StoredIssuer = Prisma.IssuerGetPayload<{ include: typeof issuerWithLists }>;

/**
 * The input shape as the issuer's own columns. The input's fields are named after the columns,
 * so only the lists (written as related rows, see licenceRows) are set aside.
 */
export function issuerRow(i: IssuerInput, isDemo: boolean) {
  const { licences, counterparties, ...columns } = i;
  return { ...columns, isDemo };
}

/** The stored issuer in the shape of the input schema (what the form edits and the audit log keeps). */
export function storedIssuerToInput(i: StoredIssuer): IssuerInput {
  return {
    slug: i.slug,
    name: i.name,
    tokenSymbols: i.tokenSymbols,
    legalEntity: i.legalEntity,
    website: i.website,
    homeJurisdiction: i.homeJurisdiction,
    backingModel: i.backingModel,
    status: i.status,
    declaredCadence: i.declaredCadence,
    chains: i.chains,
    description: i.description,
    redemptionEligibility: i.redemptionEligibility,
    redemptionMinimumUsd: decimalString(i.redemptionMinimumUsd),
    redemptionFee: i.redemptionFee,
    redemptionSettlement: i.redemptionSettlement,
    attestationFirms: i.attestationFirms,
    sourceUrl: i.sourceUrl,
    licences: i.licences.map((l) => ({
      regulator: l.regulator,
      licence: l.licence,
      jurisdiction: l.jurisdiction,
      since: l.since ? fromUtcDate(l.since) : null,
      sourceUrl: l.sourceUrl,
    })),
    counterparties: i.counterparties.map((c) => ({ name: c.name, role: c.role, sourceUrl: c.sourceUrl })),
  };
}

/** Licences as rows (dates as DATE values). */
export const licenceRows = (input: IssuerInput) => input.licences.map((l) => ({ ...l, since: l.since ? toUtcDate(l.since) : null }));

/** The read model public pages and the API use: the input shape, with the record's id, its demo flag and redemption grouped. */
export function toIssuerData(i: StoredIssuer): IssuerData {
  const { redemptionEligibility, redemptionMinimumUsd, redemptionFee, redemptionSettlement, ...rest } = storedIssuerToInput(i);
  return {
    id: i.id,
    ...rest,
    redemption: {
      eligibility: redemptionEligibility,
      minimumUsd: redemptionMinimumUsd,
      fee: redemptionFee,
      settlement: redemptionSettlement,
    },
    isDemo: i.isDemo,
  };
}
