// Every importable column of every pack file, changed one at a time, must come
// out of the re-import as a change of its record: none silently dropped. The
// original pack is then re-imported and must change the record back.
import { describe, expect, it } from "vitest";

import { CSV_FILES } from "@/lib/domain/csv/columns";
import { packToDataset, type CsvRow, type PackFiles } from "@/lib/domain/import/public-pack";
import {
  ASSURANCE_METHODS,
  BACKING_MODELS,
  CADENCES,
  ISSUER_STATUSES,
  OPINIONS,
  PRECISIONS,
  SCOPES,
  SOURCE_KINDS,
} from "@/lib/domain/taxonomy";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { reimportDataset } from "@/lib/server/commands/reimport-dataset";

import { prismaFor, readPack } from "../../scripts/lib/seed";
import { withFreshDatabase } from "../support/db";

type File = "issuers" | "reports" | "composition" | "stressEvents";

const other = (values: readonly string[], current: string | undefined) => values.find((v) => v !== current)!;
const plusOne = (v: string | undefined) => String(BigInt(v || "0") + 1n);

/** A valid new value for a column of a row: different from what the row holds. */
const NEW_VALUE: Record<File, Record<string, (row: CsvRow) => string>> = {
  issuers: {
    name: (r) => `${r.name} (renamed)`,
    token_symbol: () => "USDT; XAUT",
    legal_entity: () => "Another Entity Ltd",
    home_jurisdiction: (r) => other(["HK", "SG"], r.home_jurisdiction),
    backing_model: (r) => other(BACKING_MODELS, r.backing_model),
    status: (r) => other(ISSUER_STATUSES, r.status),
    declared_cadence: (r) => other(CADENCES, r.declared_cadence),
    attestation_firms: () => "Another Firm LLP (2026)",
    custodians_or_banks: () => "Example Custody Bank",
    website: () => "https://example.org/new-site",
    source_url: () => "https://example.org/new-source",
    chains: () => "ethereum; tron",
    description: () => "A description written for the test.",
    redemption_eligibility: () => "institutions only",
    redemption_minimum_usd: () => "100000",
    redemption_fee: () => "0.1%",
    redemption_settlement: () => "T+1",
    counterparties_json: () => JSON.stringify([{ name: "Example Trust", role: "custodian", source_url: "https://example.org/c" }]),
    licences_json: () =>
      JSON.stringify([{ regulator: "NYDFS", licence: "Trust charter", jurisdiction: "US-NY", since: "2020-01-01", source_url: null }]),
  },
  reports: {
    published: (r) => (r.published === "2026-01-15" ? "2026-01-16" : "2026-01-15"),
    assurance: (r) => other(ASSURANCE_METHODS, r.assurance),
    firm: () => "Another Firm LLP",
    scope: (r) => other(SCOPES, r.scope),
    tokens_outstanding_usd: (r) => plusOne(r.tokens_outstanding_usd),
    tokens_precision: (r) => other(PRECISIONS, r.tokens_precision),
    total_reserves_usd: (r) => plusOne(r.total_reserves_usd),
    reserves_precision: (r) => other(PRECISIONS, r.reserves_precision),
    source_url: () => "https://example.org/report-source",
    source_kind: (r) => other(SOURCE_KINDS, r.source_kind),
    primary_report_url: () => "https://example.org/report.pdf",
    note: () => "A note written for the test.",
    standard: () => "AT-C 205",
    opinion: (r) => other(OPINIONS, r.opinion),
    report_sha256: () => "ab".repeat(32),
    liquidity_1d_pct: () => "10",
    liquidity_7d_pct: () => "20",
    liquidity_30d_pct: () => "30",
  },
  composition: {
    amount_usd: (r) => plusOne(r.amount_usd),
    amount_precision: (r) => other(PRECISIONS, r.amount_precision),
    share_pct: (r) => (r.share_pct === "1.5" ? "1.25" : "1.5"),
    source_url: () => "https://example.org/line-source",
    custodian: () => "Example Custody Bank",
    maturity: () => "under 3 months",
  },
  stressEvents: {
    end_date: () => "2030-01-01",
    lowest_price: (r) => (r.lowest_price === "0.95" ? "0.94" : "0.95"),
    reserve_exposure_usd: (r) => plusOne(r.reserve_exposure_usd),
    exposure_precision: (r) => (/lower bound/.test(r.summary ?? "") ? "exact" : "lower_bound"),
    summary: (r) => `${r.summary} (amended)`,
    source_url: () => "https://example.org/event-source",
    issuer_response: () => "The issuer said so.",
    sources_json: (r) =>
      JSON.stringify([
        { url: r.source_url, title: "First source" },
        { url: "https://example.org/second", title: null },
      ]),
  },
};

/** Columns that name a record (a change makes a new record) or are not data of the record. */
const NOT_FIELDS = new Set([
  "slug",
  "issuer_slug",
  "as_of",
  "as_of_precision",
  "report_type",
  "category",
  "start_date",
  "kind",
  "is_demo",
  "state",
  "retracted_reason",
  "revision",
  "report_source_url",
]);

// The row each file's changes are made on: one with figures, so every column has a meaning there.
const pickRow = (files: PackFiles, file: File): number => {
  const rows = files[file];
  if (file === "issuers") return rows.findIndex((r) => r.slug === "tether");
  if (file === "reports") return rows.findIndex((r) => r.issuer_slug === "tether" && r.as_of === "2025-12-31");
  if (file === "composition")
    return rows.findIndex((r) => r.issuer_slug === "tether" && r.as_of === "2025-12-31" && r.category === "cash_deposits");
  return rows.findIndex((r) => r.reserve_exposure_usd && !r.end_date);
};

const SPEC: Record<File, keyof typeof CSV_FILES> = {
  issuers: "issuers",
  reports: "reports",
  composition: "composition",
  stressEvents: "stressEvents",
};

describe("the pack re-import compares every field", () => {
  it("turns a change in any importable column, one at a time, into a change of its record, and back", async () => {
    const original = readPack();
    const cases: { file: File; column: string }[] = [];
    for (const file of Object.keys(NEW_VALUE) as File[]) {
      const importable = CSV_FILES[SPEC[file]].columns
        .filter((c) => (c.origin === "pack" || c.origin === "extra") && !NOT_FIELDS.has(c.name))
        .map((c) => c.name);
      // Every importable column has a new value above: a column added to the format must be added here.
      expect(Object.keys(NEW_VALUE[file]).sort(), file).toEqual([...importable].sort());
      for (const column of importable) cases.push({ file, column });
    }
    expect(cases.length).toBeGreaterThan(45);

    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        expect((await loadDataset(prisma, packToDataset(original).dataset, "test")).ok).toBe(true);
        const missed: string[] = [];
        for (const { file, column } of cases) {
          const changed = structuredClone(original);
          const row = changed[file][pickRow(changed, file)]!;
          row[column] = NEW_VALUE[file][column]!(row);
          if (changed.headers?.[file] && !changed.headers[file]!.includes(column)) changed.headers[file]!.push(column);
          const result = await reimportDataset(prisma, packToDataset(changed).dataset, "test");
          if (!result.ok) throw new Error(`${file}.${column}: ${JSON.stringify(result.problems)}`);
          const cells = Object.values(result.summary.changedCells).flat();
          if (cells.length === 0) missed.push(`${file}.${column}`);
          const back = await reimportDataset(prisma, packToDataset(original).dataset, "test");
          if (!back.ok || Object.keys(back.summary.changedCells).length !== (cells.length ? 1 : 0))
            missed.push(`${file}.${column} (not changed back)`);
        }
        expect(missed).toEqual([]);
      } finally {
        await prisma.$disconnect();
      }
    });
  }, 300_000);
});
