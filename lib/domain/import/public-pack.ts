// The public-reports pack (data/public-reports/, documented in its README) →
// a dataset for the shared, validated loader. Pure: takes the parsed CSV rows,
// returns the dataset and where each record came from, so a validation problem
// can be reported as "file, row, column".
import type { DatasetInput } from "@/lib/domain/schemas/dataset";
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import type { CounterpartyRole } from "@/lib/domain/taxonomy";

export type CsvRow = Record<string, string>;

export interface PackFiles {
  issuers: CsvRow[];
  reports: CsvRow[];
  composition: CsvRow[];
  stressEvents: CsvRow[];
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
}

export const PACK_LABEL = "Public reports pack (compiled from public sources)";

const blank = (s: string | undefined) => (s === undefined || s.trim() === "" ? null : s.trim());
const list = (s: string | undefined) => (blank(s) ? s!.split("; ").map((x) => x.trim()).filter(Boolean) : []);

/** The pack names banks, custodians and managers in free text; the role is read from it. */
function counterpartyRole(text: string): CounterpartyRole {
  if (/custod/i.test(text)) return "custodian";
  if (/manag|blackrock|fund/i.test(text)) return "asset_manager";
  if (/bank/i.test(text)) return "bank";
  return "other";
}

const figure = (value: string | undefined, precision: string | undefined) =>
  blank(value) ? { value: value!.trim(), precision: (blank(precision) ?? "") as "exact" } : null;

/** Maps pack columns to the dataset's fields (for error messages: field → column). */
export const REPORT_COLUMNS: Record<string, string> = {
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
};
export const COMPOSITION_COLUMNS: Record<string, string> = {
  category: "category",
  amountUsd: "amount_usd",
  sharePct: "share_pct",
  sourceUrl: "source_url",
};

export function packToDataset(files: PackFiles): PackDataset {
  const issuers: DatasetInput["issuers"] = files.issuers.map((r) => ({
    slug: r.slug ?? "",
    name: r.name ?? "",
    tokenSymbols: list(r.token_symbol?.replace(/,\s*/g, "; ")),
    legalEntity: blank(r.legal_entity),
    website: blank(r.website),
    homeJurisdiction: blank(r.home_jurisdiction),
    backingModel: (r.backing_model ?? "") as "hybrid",
    status: (r.status ?? "") as "active",
    declaredCadence: (r.declared_cadence ?? "") as "monthly",
    chains: [],
    attestationFirms: blank(r.attestation_firms),
    sourceUrl: blank(r.source_url),
    licences: [],
    counterparties: list(r.custodians_or_banks).map((name) => ({ name, role: counterpartyRole(name), sourceUrl: blank(r.source_url) })),
  }));

  const linesByReport = new Map<string, { row: CsvRow; line: number }[]>();
  files.composition.forEach((row, i) => {
    const key = `${row.issuer_slug}|${row.as_of}`;
    const lines = linesByReport.get(key) ?? [];
    lines.push({ row, line: i + 2 });
    linesByReport.set(key, lines);
  });

  const compositionOrigins: Origin[][] = [];
  const attestations: DatasetInput["attestations"] = files.reports.map((r) => {
    const lines = linesByReport.get(`${r.issuer_slug}|${r.as_of}`) ?? [];
    linesByReport.delete(`${r.issuer_slug}|${r.as_of}`);
    compositionOrigins.push(lines.map((l) => ({ file: "composition.csv", line: l.line })));
    const report: AttestationInput = {
      issuerSlug: r.issuer_slug ?? "",
      asOf: r.as_of ?? "",
      publishedOn: blank(r.published),
      reportType: (r.report_type ?? "") as "attestation",
      assurance: (r.assurance ?? "") as "unknown",
      firm: blank(r.firm),
      standard: null,
      opinion: "unknown",
      scope: (r.scope ?? "") as "reserves_only",
      reportUrl: blank(r.primary_report_url),
      reportSha256: null,
      sourceUrl: blank(r.source_url),
      sourceKind: (r.source_kind ?? "") as "press",
      tokensOutstanding: figure(r.tokens_outstanding_usd, r.tokens_precision),
      totalReserves: figure(r.total_reserves_usd, r.reserves_precision),
      liquidity1dPct: null,
      liquidity7dPct: null,
      liquidity30dPct: null,
      notes: blank(r.note),
      composition: lines.map(({ row }) => ({
        category: (row.category ?? "") as "cash_deposits",
        amountUsd: figure(row.amount_usd, row.amount_precision),
        sharePct: blank(row.share_pct),
        custodian: null,
        maturity: null,
        sourceUrl: blank(row.source_url),
      })),
    };
    return { report, state: "published" as const, corrections: [] };
  });

  const stressEvents: DatasetInput["stressEvents"] = files.stressEvents.map((r) => {
    const summary = r.summary ?? "";
    // The pack marks minimum exposures in the summary (README, stress_events.csv).
    const lower = /Exposure is a lower bound\.\s*$/.test(summary);
    return {
      issuerSlug: r.issuer_slug ?? "",
      startDate: blank(r.start_date),
      endDate: blank(r.end_date),
      kind: (r.kind ?? "") as "depeg",
      lowestPrice: blank(r.lowest_price),
      reserveExposureUsd: blank(r.reserve_exposure_usd) ? { value: r.reserve_exposure_usd!.trim(), precision: lower ? "lower_bound" : "rounded" } : null,
      summary,
      issuerResponse: null,
      sources: blank(r.source_url) ? [{ url: r.source_url!.trim(), title: null }] : [],
    };
  });

  // Composition rows whose report is missing would be dropped silently: make them a problem instead.
  const orphans = [...linesByReport.values()].flat();
  if (orphans.length) {
    throw new PackError(orphans.map((o) => ({ file: "composition.csv", line: o.line, column: "as_of", message: `no report ${o.row.issuer_slug} ${o.row.as_of} in reports.csv` })));
  }

  return {
    dataset: { label: PACK_LABEL, isDemo: false, issuers, attestations, stressEvents },
    origins: {
      issuers: files.issuers.map((_, i) => ({ file: "issuers.csv", line: i + 2 })),
      attestations: files.reports.map((_, i) => ({ file: "reports.csv", line: i + 2 })),
      composition: compositionOrigins,
      stressEvents: files.stressEvents.map((_, i) => ({ file: "stress_events.csv", line: i + 2 })),
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

const ISSUER_COLUMNS: Record<string, string> = {
  slug: "slug", name: "name", tokenSymbols: "token_symbol", legalEntity: "legal_entity", website: "website",
  homeJurisdiction: "home_jurisdiction", backingModel: "backing_model", status: "status", declaredCadence: "declared_cadence",
  attestationFirms: "attestation_firms", sourceUrl: "source_url", counterparties: "custodians_or_banks",
};
const STRESS_COLUMNS: Record<string, string> = {
  issuerSlug: "issuer_slug", startDate: "start_date", endDate: "end_date", kind: "kind", lowestPrice: "lowest_price",
  reserveExposureUsd: "reserve_exposure_usd", summary: "summary", sources: "source_url",
};

/** A loader problem ("attestations[3].report.composition[1].amountUsd.value") → file, line and column. */
export function locateProblem(pack: PackDataset, where: string, message: string): PackProblem {
  const m = /^(issuers|attestations|stressEvents)\[(\d+)\]\.?(.*)$/.exec(where);
  if (!m) return { file: "(pack)", line: 0, column: where, message };
  const [, section, idx, rest = ""] = m;
  const i = Number(idx);
  if (section === "issuers") return { ...pack.origins.issuers[i]!, column: ISSUER_COLUMNS[rest.split(/[.[]/)[0]!] ?? rest, message };
  if (section === "stressEvents") return { ...pack.origins.stressEvents[i]!, column: STRESS_COLUMNS[rest.split(/[.[]/)[0]!] ?? rest, message };
  const line = /^report\.composition\[(\d+)\]\.?(.*)$/.exec(rest);
  if (line) {
    const origin = pack.origins.composition[i]?.[Number(line[1])] ?? pack.origins.attestations[i]!;
    const field = (line[2] ?? "").split(/[.[]/)[0]!;
    const column = field === "amountUsd" && /precision/.test(line[2] ?? "") ? "amount_precision" : (COMPOSITION_COLUMNS[field] ?? field);
    return { ...origin, column, message };
  }
  const field = rest.replace(/^report\./, "");
  const head = field.split(/[.[]/)[0]!;
  const column =
    head === "tokensOutstanding" && /precision/.test(field) ? "tokens_precision"
    : head === "totalReserves" && /precision/.test(field) ? "reserves_precision"
    : (REPORT_COLUMNS[head] ?? head);
  return { ...pack.origins.attestations[i]!, column, message };
}
