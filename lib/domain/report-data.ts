// A report in its read-model shape with nothing known beyond what is given: the worked
// examples on the methodology page, the overdue check (which needs only dates) and tests
// build reports from it instead of restating every field.
import type { AttestationData } from "./types";

export function reportData(given: Pick<AttestationData, "id" | "issuerSlug" | "asOf"> & Partial<AttestationData>): AttestationData {
  return {
    asOfPrecision: "day",
    publishedOn: null,
    reportType: "attestation",
    assurance: "unknown",
    firm: null,
    standard: null,
    opinion: "unknown",
    scope: "reserves_and_tokens",
    reportUrl: null,
    reportSha256: null,
    sourceUrl: null,
    sourceKind: "primary",
    tokensOutstanding: null,
    totalReserves: null,
    liquidity: { within1dPct: null, within7dPct: null, within30dPct: null },
    notes: null,
    state: "published",
    revision: 1,
    retractedReason: null,
    composition: [],
    ...given,
  };
}
