import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
// The issuer record: the one Prisma include that loads it whole, and the one
// mapping from its stored row to the input shape (what the editor form edits,
// the audit log keeps and the pack re-import compares).
import { fromUtcDate, toUtcDate } from "@/lib/domain/dates";
import type { IssuerInput } from "@/lib/domain/schemas/issuer";
import { decimalString } from "@/lib/server/queries/mappers";

export const issuerWithLists = {
  licences: { orderBy: [{ since: "asc" }, { regulator: "asc" }] },
  counterparties: { orderBy: [{ role: "asc" }, { name: "asc" }] },
} satisfies Prisma.IssuerInclude;
export type StoredIssuer = Prisma.IssuerGetPayload<{ include: typeof issuerWithLists }>;

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
