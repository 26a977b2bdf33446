// CSV files in the public-reports pack's format (data/public-reports/, documented
// in its README) → a dataset for the shared, validated loader. The same mapping
// reads our own CSV export (lib/domain/csv/columns.ts), which is a superset of
// the pack: the extra columns are read when present, computed_… columns are
// ignored, and cells neutralised against spreadsheet formulas are restored.
// Pure: takes the parsed CSV rows, returns the dataset and where each record
// came from, so a validation problem can be reported as "file, line, column".
import { CSV_FILES, type CsvKind } from "@/lib/domain/csv/columns";
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import type { DatasetInput } from "@/lib/domain/schemas/dataset";
import type { CounterpartyRole } from "@/lib/domain/taxonomy";

import { blank, cell, jsonCell, list, type JsonProblem } from "./cells";

export type CsvRow = Record<string, string>;

type FileKey = "issuers" | "reports" | "composition" | "stressEvents";

export interface PackFiles {
  issuers: CsvRow[];
  reports: CsvRow[];
  composition: CsvRow[];
  stressEvents: CsvRow[];
  /** Line each row starts on, when the reader knows it (a cell with line breaks spans lines); else row index + 2. */
  lines?: Partial<Record<FileKey, number[]>>;
  /** Header of each file, when the reader knows it: unknown columns are then refused rather than dropped. */
  headers?: Partial<Record<FileKey, string[]>>;
  /** The pack's README, when read from a pack folder: it names the edition. */
  readme?: string;
}

/** Where a dataset record came from: file, 1-based line (the header is line 1). */
export interface Origin {
  file: string;
  line: number;
}

export interface PackDataset {
  dataset: DatasetInput;
  origins: {
    issuers: Origin[];
    attestations: Origin[];
    /** Per attestation: the origin of each composition line. */
    composition: Origin[][];
    stressEvents: Origin[];
  };
  /** Extra columns the files had, so a problem is located in the column that was actually read. */
  columns: { counterpartiesJson: boolean; exposurePrecision: boolean; sourcesJson: boolean };
}

export const PACK_LABEL = "Public reports pack (compiled from public sources)";

/** The pack's edition and when it was compiled, as its README's opening paragraph states them. */
export interface PackEdition {
  /** "first", "second", … */
  name: string;
  /** "YYYY-MM" */
  compiled: string | null;
}

/** "… Second edition, 2026-12 (first edition compiled 2026-11) …" → second, 2026-12; "Compiled 2026-11 …" → first, 2026-11. */
export function packEdition(readme: string | undefined): PackEdition | null {
  if (!readme) return null;
  const named = /\b([A-Za-z]+|\d+(?:st|nd|rd|th))\s+edition,\s*(\d{4}-\d{2})\b/i.exec(readme);
  if (named) return { name: named[1]!.toLowerCase(), compiled: named[2]! };
  const compiled = /\bCompiled (\d{4}-\d{2})\b/.exec(readme);
  return compiled ? { name: "first", compiled: compiled[1]! } : null;
}

const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** "second" → 2, "12th" → 12; null for a word we do not read. */
export function editionNumber(name: string): number | null {
  const i = ORDINALS.indexOf(name.toLowerCase());
  if (i >= 0) return i + 1;
  const n = Number.parseInt(name, 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** "Public reports pack, second edition (compiled 2026-12)": the label audit entries and re-import reasons carry. */
export function packLabel(edition: PackEdition | null): string {
  if (!edition) return PACK_LABEL;
  return `Public reports pack, ${edition.name} edition${edition.compiled ? ` (compiled ${edition.compiled})` : ""}`;
}

const FILE_NAMES: Record<FileKey, string> = {
  issuers: "issuers.csv",
  reports: "reports.csv",
  composition: "composition.csv",
  stressEvents: "stress_events.csv",
};
const SPEC_KIND: Record<FileKey, CsvKind> = {
  issuers: "issuers",
  reports: "reports",
  composition: "composition",
  stressEvents: "stressEvents",
};

/** The pack names banks, custodians and managers in free text; the role is read from it. */
function counterpartyRole(text: string): CounterpartyRole {
  if (/custod/i.test(text)) return "custodian";
  if (/manag|blackrock|fund/i.test(text)) return "asset_manager";
  if (/bank/i.test(text)) return "bank";
  return "other";
}

const figure = (value: string | null, precision: string | null) => (value ? { value, precision: (precision ?? "") as "exact" } : null);

function headerProblems(files: PackFiles): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const key of Object.keys(FILE_NAMES) as FileKey[]) {
    const known = new Set<string>(CSV_FILES[SPEC_KIND[key]].columns.map((c) => c.name));
    for (const h of files.headers?.[key] ?? []) {
      if (!known.has(h) && !h.startsWith("computed_")) {
        problems.push({ file: FILE_NAMES[key], line: 1, column: h, message: "unknown column (a typo? it would be dropped silently)" });
      }
    }
  }
  return problems;
}

const hasColumn = (files: PackFiles, key: FileKey, column: string) =>
  (files.headers?.[key] ?? Object.keys(files[key][0] ?? {})).includes(column);

export function packToDataset(files: PackFiles, label?: string): PackDataset {
  const edition = packEdition(files.readme);
  const origin =
    (key: FileKey) =>
    (_: unknown, i: number): Origin => ({ file: FILE_NAMES[key], line: files.lines?.[key]?.[i] ?? i + 2 });
  const origins = {
    issuers: files.issuers.map(origin("issuers")),
    attestations: files.reports.map(origin("reports")),
    compositionRows: files.composition.map(origin("composition")),
    stressEvents: files.stressEvents.map(origin("stressEvents")),
  };
  const problems: PackProblem[] = headerProblems(files);
  const json = <T>(raw: string | undefined, at: Origin, column: string): T[] | null => {
    const parsed = jsonCell<T>(raw);
    if (parsed && "problem" in parsed) {
      problems.push({ ...at, column, message: (parsed as JsonProblem).problem });
      return [];
    }
    return parsed;
  };

  const demoFlags = new Set(files.issuers.map((r) => cell(r.is_demo)).filter((v) => v !== undefined && v.trim() !== ""));
  if (demoFlags.size > 1) {
    problems.push({ file: "issuers.csv", line: 1, column: "is_demo", message: "demo and real issuers cannot be loaded as one dataset" });
  }

  const issuers: DatasetInput["issuers"] = files.issuers.map((r, i) => {
    const at = origins.issuers[i]!;
    const counterparties = json<{ name: string; role: CounterpartyRole; source_url: string | null }>(
      r.counterparties_json,
      at,
      "counterparties_json",
    );
    const licences = json<{ regulator: string; licence: string; jurisdiction: string; since: string | null; source_url: string | null }>(
      r.licences_json,
      at,
      "licences_json",
    );
    return {
      slug: cell(r.slug) ?? "",
      name: cell(r.name) ?? "",
      tokenSymbols: list(cell(r.token_symbol)?.replace(/,\s*/g, "; ")),
      legalEntity: blank(r.legal_entity),
      website: blank(r.website),
      homeJurisdiction: blank(r.home_jurisdiction),
      backingModel: (cell(r.backing_model) ?? "") as "hybrid",
      status: (cell(r.status) ?? "") as "active",
      declaredCadence: (cell(r.declared_cadence) ?? "") as "monthly",
      chains: list(cell(r.chains)),
      description: blank(r.description),
      redemptionEligibility: blank(r.redemption_eligibility),
      redemptionMinimumUsd: blank(r.redemption_minimum_usd),
      redemptionFee: blank(r.redemption_fee),
      redemptionSettlement: blank(r.redemption_settlement),
      attestationFirms: blank(r.attestation_firms),
      sourceUrl: blank(r.source_url),
      licences: (licences ?? []).map((l) => ({
        regulator: l.regulator,
        licence: l.licence,
        jurisdiction: l.jurisdiction,
        since: l.since,
        sourceUrl: l.source_url,
      })),
      counterparties: counterparties
        ? counterparties.map((c) => ({ name: c.name, role: c.role, sourceUrl: c.source_url }))
        : list(cell(r.custodians_or_banks)).map((name) => ({ name, role: counterpartyRole(name), sourceUrl: blank(r.source_url) })),
    };
  });

  // A line names its report by issuer and as-of date (the pack), plus the report type when given (our export).
  const linesByReport = new Map<string, { row: CsvRow; index: number }[]>();
  files.composition.forEach((row, index) => {
    const type = blank(row.report_type);
    const key = `${row.issuer_slug}|${row.as_of}${type ? `|${type}` : ""}`;
    linesByReport.set(key, [...(linesByReport.get(key) ?? []), { row, index }]);
  });
  const takeLines = (key: string) => {
    const lines = linesByReport.get(key) ?? [];
    linesByReport.delete(key);
    return lines;
  };

  const compositionOrigins: Origin[][] = [];
  const attestations: DatasetInput["attestations"] = files.reports.map((r) => {
    const lines = [...takeLines(`${r.issuer_slug}|${r.as_of}|${blank(r.report_type)}`), ...takeLines(`${r.issuer_slug}|${r.as_of}`)];
    compositionOrigins.push(lines.map((l) => origins.compositionRows[l.index]!));
    const report: AttestationInput = {
      issuerSlug: cell(r.issuer_slug) ?? "",
      asOf: cell(r.as_of) ?? "",
      publishedOn: blank(r.published),
      reportType: (cell(r.report_type) ?? "") as "attestation",
      assurance: (cell(r.assurance) ?? "") as "unknown",
      firm: blank(r.firm),
      standard: blank(r.standard),
      opinion: (blank(r.opinion) ?? "unknown") as "unknown",
      scope: (cell(r.scope) ?? "") as "reserves_only",
      reportUrl: blank(r.primary_report_url),
      reportSha256: blank(r.report_sha256),
      sourceUrl: blank(r.source_url),
      sourceKind: (cell(r.source_kind) ?? "") as "press",
      tokensOutstanding: figure(blank(r.tokens_outstanding_usd), blank(r.tokens_precision)),
      totalReserves: figure(blank(r.total_reserves_usd), blank(r.reserves_precision)),
      liquidity1dPct: blank(r.liquidity_1d_pct),
      liquidity7dPct: blank(r.liquidity_7d_pct),
      liquidity30dPct: blank(r.liquidity_30d_pct),
      notes: blank(r.note),
      composition: lines.map(({ row }) => ({
        category: (cell(row.category) ?? "") as "cash_deposits",
        amountUsd: figure(blank(row.amount_usd), blank(row.amount_precision)),
        sharePct: blank(row.share_pct),
        custodian: blank(row.custodian),
        maturity: blank(row.maturity),
        sourceUrl: blank(row.source_url),
      })),
    };
    const state = (blank(r.state) ?? "published") as "published";
    const retractedReason = blank(r.retracted_reason);
    return { report, state, ...(retractedReason ? { retractedReason } : {}), corrections: [] };
  });

  const stressEvents: DatasetInput["stressEvents"] = files.stressEvents.map((r, i) => {
    const summary = cell(r.summary) ?? "";
    const sources = json<{ url: string; title: string | null }>(r.sources_json, origins.stressEvents[i]!, "sources_json");
    // The pack marks minimum exposures in the summary (README, stress_events.csv); our export has a column.
    const precision = blank(r.exposure_precision) ?? (/Exposure is a lower bound\.\s*$/.test(summary) ? "lower_bound" : "rounded");
    const exposure = blank(r.reserve_exposure_usd);
    return {
      issuerSlug: cell(r.issuer_slug) ?? "",
      startDate: blank(r.start_date),
      endDate: blank(r.end_date),
      kind: (cell(r.kind) ?? "") as "depeg",
      lowestPrice: blank(r.lowest_price),
      reserveExposureUsd: exposure ? { value: exposure, precision: precision as "rounded" } : null,
      summary,
      issuerResponse: blank(r.issuer_response),
      sources: sources ?? (blank(r.source_url) ? [{ url: blank(r.source_url)!, title: null }] : []),
    };
  });

  // Composition rows whose report is missing would be dropped silently: make them a problem instead.
  for (const o of [...linesByReport.values()].flat()) {
    problems.push({
      ...origins.compositionRows[o.index]!,
      column: "as_of",
      message: `no report ${o.row.issuer_slug} ${o.row.as_of} in reports.csv`,
    });
  }
  if (problems.length) throw new PackError(problems);

  return {
    dataset: { label: label ?? packLabel(edition), edition, isDemo: demoFlags.has("true"), issuers, attestations, stressEvents },
    origins: {
      issuers: origins.issuers,
      attestations: origins.attestations,
      composition: compositionOrigins,
      stressEvents: origins.stressEvents,
    },
    columns: {
      counterpartiesJson: hasColumn(files, "issuers", "counterparties_json"),
      exposurePrecision: hasColumn(files, "stressEvents", "exposure_precision"),
      sourcesJson: hasColumn(files, "stressEvents", "sources_json"),
    },
  };
}

export interface PackProblem {
  file: string;
  line: number;
  column: string;
  message: string;
}

export class PackError extends Error {
  constructor(readonly problems: PackProblem[]) {
    super(problems.map((p) => `${p.file} line ${p.line}, column ${p.column}: ${p.message}`).join("\n"));
  }
}

/** Dataset field → CSV column, per file (for locating problems). */
const ISSUER_FIELDS: Record<string, string> = {
  slug: "slug",
  name: "name",
  tokenSymbols: "token_symbol",
  legalEntity: "legal_entity",
  website: "website",
  homeJurisdiction: "home_jurisdiction",
  backingModel: "backing_model",
  status: "status",
  declaredCadence: "declared_cadence",
  attestationFirms: "attestation_firms",
  sourceUrl: "source_url",
  counterparties: "custodians_or_banks",
  chains: "chains",
  description: "description",
  redemptionEligibility: "redemption_eligibility",
  redemptionMinimumUsd: "redemption_minimum_usd",
  redemptionFee: "redemption_fee",
  redemptionSettlement: "redemption_settlement",
  licences: "licences_json",
};
const REPORT_FIELDS: Record<string, string> = {
  issuerSlug: "issuer_slug",
  asOf: "as_of",
  publishedOn: "published",
  reportType: "report_type",
  assurance: "assurance",
  firm: "firm",
  scope: "scope",
  tokensOutstanding: "tokens_outstanding_usd",
  totalReserves: "total_reserves_usd",
  sourceUrl: "source_url",
  sourceKind: "source_kind",
  reportUrl: "primary_report_url",
  notes: "note",
  standard: "standard",
  opinion: "opinion",
  reportSha256: "report_sha256",
  liquidity1dPct: "liquidity_1d_pct",
  liquidity7dPct: "liquidity_7d_pct",
  liquidity30dPct: "liquidity_30d_pct",
  state: "state",
  retractedReason: "retracted_reason",
};
const COMPOSITION_FIELDS: Record<string, string> = {
  category: "category",
  amountUsd: "amount_usd",
  sharePct: "share_pct",
  sourceUrl: "source_url",
  custodian: "custodian",
  maturity: "maturity",
};
const STRESS_FIELDS: Record<string, string> = {
  issuerSlug: "issuer_slug",
  startDate: "start_date",
  endDate: "end_date",
  kind: "kind",
  lowestPrice: "lowest_price",
  reserveExposureUsd: "reserve_exposure_usd",
  summary: "summary",
  sources: "source_url",
  issuerResponse: "issuer_response",
};

const head = (path: string) => path.split(/[.[]/)[0]!;

/** A loader problem ("attestations[3].report.composition[1].amountUsd.value") → file, line and column. */
export function locateProblem(pack: PackDataset, where: string, message: string): PackProblem {
  const m = /^(issuers|attestations|stressEvents)\[(\d+)\]\.?(.*)$/.exec(where);
  if (!m) return { file: "(pack)", line: 0, column: where, message };
  const [, section, idx, rest = ""] = m;
  const i = Number(idx);
  if (section === "issuers") {
    const column =
      head(rest) === "counterparties" && pack.columns.counterpartiesJson ? "counterparties_json" : (ISSUER_FIELDS[head(rest)] ?? rest);
    return { ...pack.origins.issuers[i]!, column, message };
  }
  if (section === "stressEvents") {
    const field = head(rest);
    const column =
      field === "sources" && pack.columns.sourcesJson
        ? "sources_json"
        : field === "reserveExposureUsd" && /precision/.test(rest) && pack.columns.exposurePrecision
          ? "exposure_precision"
          : (STRESS_FIELDS[field] ?? rest);
    return { ...pack.origins.stressEvents[i]!, column, message };
  }
  const line = /^report\.composition\[(\d+)\]\.?(.*)$/.exec(rest);
  if (line) {
    const origin = pack.origins.composition[i]?.[Number(line[1])] ?? pack.origins.attestations[i]!;
    const field = head(line[2] ?? "");
    const column = field === "amountUsd" && /precision/.test(line[2] ?? "") ? "amount_precision" : (COMPOSITION_FIELDS[field] ?? field);
    return { ...origin, column, message };
  }
  const field = rest.replace(/^report\./, "");
  const column =
    head(field) === "tokensOutstanding" && /precision/.test(field)
      ? "tokens_precision"
      : head(field) === "totalReserves" && /precision/.test(field)
        ? "reserves_precision"
        : (REPORT_FIELDS[head(field)] ?? head(field));
  return { ...pack.origins.attestations[i]!, column, message };
}
