// A complete, valid report input for tests, without test-runner imports, so the scale-out
// helpers (which drive running instances over HTTP) use the same one as the integration tests.
import type { AttestationInput } from "@/lib/domain/schemas/attestation";

let dayCounter = 0;
/** A distinct past as-of date per call, so reports of one issuer never collide. */
export function pastDay(): string {
  dayCounter += 1;
  return new Date(Date.UTC(2024, 0, 1) + dayCounter * 86_400_000).toISOString().slice(0, 10);
}

export function validAttestation(
  issuerSlug: string,
  overrides: Partial<Record<keyof AttestationInput, unknown>> = {},
): Record<string, unknown> {
  const asOf = (overrides.asOf as string | undefined) ?? pastDay();
  return {
    issuerSlug,
    asOf,
    publishedOn: null,
    reportType: "attestation",
    assurance: "examination",
    firm: "Test Assurance LLP",
    standard: "AICPA AT-C 205",
    opinion: "unqualified",
    scope: "reserves_and_tokens",
    reportUrl: "https://example.org/report.pdf",
    sourceUrl: null,
    sourceKind: "primary",
    tokensOutstanding: { value: "1000000", precision: "exact" },
    totalReserves: { value: "1010000", precision: "exact" },
    notes: null,
    composition: [
      { category: "tbills_93d", amountUsd: { value: "810000", precision: "exact" }, sharePct: null },
      { category: "cash_deposits", amountUsd: { value: "200000", precision: "exact" }, sharePct: null },
    ],
    ...overrides,
  };
}
