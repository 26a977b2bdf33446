// Dataset factories for export tests: every field the CSV files carry is
// filled somewhere, with the awkward values real data has (commas, quotes,
// line breaks, non-ASCII, cents, month-only dates, lower bounds, share-only
// lines, a retracted report), under unique slugs so tests never collide.
import type { DatasetInput } from "@/lib/domain/schemas/dataset";

import { unique } from "./db";

export function richDataset(opts: { text?: (field: string) => string } = {}): { dataset: DatasetInput; slugs: [string, string] } {
  const a = unique("csv-a");
  const b = unique("csv-b");
  const t = opts.text ?? ((field: string) => `${field}, with "quotes", a comma and a\nline break (Ümlaut, ≥ 1 €)`);
  const dataset: DatasetInput = {
    label: "export test",
    isDemo: false,
    issuers: [
      {
        slug: a,
        name: t("name"),
        tokenSymbols: ["AUSD", "AUSD.e"],
        legalEntity: t("legal entity"),
        website: "https://example.org/a",
        homeJurisdiction: "US-NY",
        backingModel: "fiat_reserve",
        status: "active",
        declaredCadence: "monthly",
        chains: ["Ethereum", "Solana"],
        description: t("description"),
        redemptionEligibility: t("eligibility"),
        redemptionMinimumUsd: "100000.5",
        redemptionFee: t("fee"),
        redemptionSettlement: "T+1",
        attestationFirms: t("firms"),
        sourceUrl: "https://example.org/a/facts",
        licences: [
          {
            regulator: t("regulator"),
            licence: "Trust charter",
            jurisdiction: "US-NY",
            since: "2021-04-01",
            sourceUrl: "https://example.org/a/licence",
          },
          { regulator: "Second regulator", licence: "EMI", jurisdiction: "FR", since: null, sourceUrl: null },
        ],
        counterparties: [
          { name: "Bank of Examples", role: "bank", sourceUrl: "https://example.org/a/banks" },
          { name: t("custodian"), role: "custodian", sourceUrl: null },
        ],
      },
      {
        slug: b,
        name: `Issuer ${b}`,
        backingModel: "hybrid",
        declaredCadence: "quarterly",
        status: "winding_down",
      },
    ],
    attestations: [
      {
        state: "published",
        report: {
          issuerSlug: a,
          asOf: "2025-01-31",
          publishedOn: "2025-02-20",
          reportType: "attestation",
          assurance: "examination",
          firm: t("firm"),
          standard: "AICPA attestation standards",
          opinion: "unqualified",
          scope: "reserves_and_tokens",
          reportUrl: "https://example.org/a/2025-01.pdf",
          reportSha256: "a".repeat(64),
          sourceUrl: "https://example.org/a/2025-01",
          sourceKind: "primary",
          tokensOutstanding: { value: "1000000000.25", precision: "exact" },
          totalReserves: { value: "1012345678.9", precision: "exact" },
          liquidity1dPct: "40.5",
          liquidity7dPct: "80",
          liquidity30dPct: "99.1234",
          notes: t("notes"),
          composition: [
            {
              category: "cash_deposits",
              amountUsd: { value: "200000000", precision: "exact" },
              sharePct: "19.76",
              custodian: "Bank of Examples",
              maturity: null,
              sourceUrl: null,
            },
            {
              category: "cash_deposits",
              amountUsd: { value: "100000000.1", precision: "exact" },
              sharePct: null,
              custodian: t("custodian"),
              maturity: null,
              sourceUrl: "https://example.org/a/lines",
            },
            {
              category: "tbills_93d",
              amountUsd: { value: "612345678.8", precision: "exact" },
              sharePct: null,
              custodian: null,
              maturity: "up to 90 days",
              sourceUrl: null,
            },
            {
              category: "other_undisclosed",
              amountUsd: { value: "100000000", precision: "exact" },
              sharePct: null,
              custodian: null,
              maturity: t("maturity"),
              sourceUrl: null,
            },
          ],
        },
        corrections: [],
      },
      {
        state: "published",
        report: {
          issuerSlug: a,
          asOf: "2025-01-31",
          reportType: "issuer_report",
          scope: "reserves_only",
          sourceUrl: "https://example.org/a/own-page",
          sourceKind: "press",
          totalReserves: { value: "1010000000", precision: "rounded" },
          composition: [{ category: "gov_mmf", amountUsd: null, sharePct: "55.5", custodian: null, maturity: null, sourceUrl: null }],
        },
        corrections: [],
      },
      {
        state: "published",
        report: {
          issuerSlug: a,
          asOf: "2025-02",
          publishedOn: "2025-03-10",
          reportType: "attestation",
          scope: "reserves_and_tokens",
          sourceUrl: "https://example.org/a/2025-02",
          sourceKind: "secondary",
          tokensOutstanding: { value: "990000000", precision: "lower_bound" },
          totalReserves: { value: "1000000000", precision: "lower_bound" },
          composition: [
            {
              category: "tbills_93d",
              amountUsd: { value: "600000000", precision: "rounded" },
              sharePct: null,
              custodian: null,
              maturity: null,
              sourceUrl: null,
            },
            {
              category: "repo_overnight",
              amountUsd: { value: "300000000", precision: "lower_bound" },
              sharePct: null,
              custodian: null,
              maturity: null,
              sourceUrl: null,
            },
          ],
        },
        corrections: [],
      },
      {
        state: "retracted",
        retractedReason: t("retraction reason"),
        report: {
          issuerSlug: b,
          asOf: "2024-12-31",
          reportType: "audit",
          assurance: "audit",
          scope: "group_assets_liabilities",
          sourceUrl: "https://example.org/b/2024",
          tokensOutstanding: { value: "5000000", precision: "rounded" },
          totalReserves: { value: "4900000", precision: "rounded" },
          composition: [],
        },
        corrections: [],
      },
    ],
    stressEvents: [
      {
        issuerSlug: a,
        startDate: "2025-03-10",
        endDate: "2025-03-12",
        kind: "depeg",
        lowestPrice: "0.9612",
        reserveExposureUsd: { value: "3300000000", precision: "lower_bound" },
        summary: t("summary"),
        issuerResponse: t("response"),
        sources: [
          { url: "https://example.org/news/1", title: t("title") },
          { url: "https://example.org/news/2", title: null },
        ],
      },
      {
        issuerSlug: b,
        startDate: null,
        endDate: null,
        kind: "regulatory_action",
        summary: `An order against ${b}.`,
        sources: [{ url: "https://example.org/b/order", title: null }],
      },
    ],
  };
  return { dataset, slugs: [a, b] };
}
