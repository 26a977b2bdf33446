// Builds reports.csv / composition.csv text in the export format for import tests and the import benchmark.
import { stringify } from "csv-stringify/sync";

import type { PackFiles } from "@/lib/domain/import/public-pack";
import { parseCsv } from "@/lib/domain/import/read-csv";

export interface ReportRowSpec {
  issuerSlug: string;
  asOf: string;
  published?: string;
  tokens?: string;
  reserves?: string;
  category?: string;
}

const REPORT_HEADER = [
  "issuer_slug",
  "as_of",
  "as_of_precision",
  "published",
  "report_type",
  "assurance",
  "firm",
  "scope",
  "tokens_outstanding_usd",
  "tokens_precision",
  "total_reserves_usd",
  "reserves_precision",
  "source_url",
  "source_kind",
  "primary_report_url",
  "note",
];
const LINE_HEADER = ["issuer_slug", "as_of", "category", "amount_usd", "amount_precision", "share_pct", "source_url"];

/** Monthly month-end dates, counting back from a start month. */
export function monthEnds(count: number, fromYear = 1980): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(fromYear + Math.floor(i / 12), (i % 12) + 1, 0)).toISOString().slice(0, 10),
  );
}

export function reportsCsv(specs: ReportRowSpec[]): { reports: string; composition: string } {
  const reports = specs.map((s) => [
    s.issuerSlug,
    s.asOf,
    "day",
    s.published ?? "",
    "attestation",
    "examination",
    "Test Firm LLP",
    "reserves_and_tokens",
    s.tokens ?? "1000000",
    "exact",
    s.reserves ?? "1010000",
    "exact",
    `https://example.org/${s.issuerSlug}/${s.asOf}.pdf`,
    "primary",
    "",
    "",
  ]);
  const lines = specs.flatMap((s) => [
    [s.issuerSlug, s.asOf, s.category ?? "tbills_93d", "800000", "exact", "", ""],
    [s.issuerSlug, s.asOf, "cash_deposits", "210000", "exact", "", ""],
  ]);
  return { reports: stringify([REPORT_HEADER, ...reports]), composition: stringify([LINE_HEADER, ...lines]) };
}

export function parseImportFiles(csv: {
  reports: string;
  composition: string;
}): Pick<PackFiles, "reports" | "composition" | "lines" | "headers"> {
  const reports = parseCsv(csv.reports);
  const composition = parseCsv(csv.composition);
  return {
    reports: reports.rows,
    composition: composition.rows,
    lines: { reports: reports.lines, composition: composition.lines },
    headers: { reports: reports.headers, composition: composition.headers },
  };
}
