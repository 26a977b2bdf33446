// The attestation form's values as typed (every control holds a string) and
// the conversions to and from the shared input shape. An empty figure is
// "not reported" (null), never zero.
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import type { Precision } from "@/lib/domain/taxonomy";

export interface FigureState {
  value: string;
  precision: Precision;
}

export interface LineState {
  key: number;
  category: string;
  amount: FigureState;
  sharePct: string;
  custodian: string;
  maturity: string;
  sourceUrl: string;
}

export interface AttestationFormState {
  issuerSlug: string;
  asOf: string;
  publishedOn: string;
  reportType: string;
  assurance: string;
  firm: string;
  standard: string;
  opinion: string;
  scope: string;
  reportUrl: string;
  reportSha256: string;
  sourceUrl: string;
  sourceKind: string;
  tokensOutstanding: FigureState;
  totalReserves: FigureState;
  liquidity1dPct: string;
  liquidity7dPct: string;
  liquidity30dPct: string;
  notes: string;
  composition: LineState[];
}

export type TextKey = { [K in keyof AttestationFormState]: AttestationFormState[K] extends string ? K : never }[keyof AttestationFormState];

const fig = (f: { value: string; precision: Precision } | null): FigureState =>
  f ? { value: f.value, precision: f.precision } : { value: "", precision: "exact" };

let nextKey = 1;
export const newLine = (): LineState => ({
  key: nextKey++,
  category: "",
  amount: { value: "", precision: "exact" },
  sharePct: "",
  custodian: "",
  maturity: "",
  sourceUrl: "",
});

/** A new report's starting values. */
export function blankAttestationInput(issuerSlug: string): AttestationInput {
  return {
    issuerSlug,
    asOf: "",
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
    liquidity1dPct: null,
    liquidity7dPct: null,
    liquidity30dPct: null,
    notes: null,
    composition: [],
  };
}

export function fromInput(a: AttestationInput): AttestationFormState {
  return {
    issuerSlug: a.issuerSlug,
    asOf: a.asOf,
    publishedOn: a.publishedOn ?? "",
    reportType: a.reportType,
    assurance: a.assurance,
    firm: a.firm ?? "",
    standard: a.standard ?? "",
    opinion: a.opinion,
    scope: a.scope,
    reportUrl: a.reportUrl ?? "",
    reportSha256: a.reportSha256 ?? "",
    sourceUrl: a.sourceUrl ?? "",
    sourceKind: a.sourceKind,
    tokensOutstanding: fig(a.tokensOutstanding),
    totalReserves: fig(a.totalReserves),
    liquidity1dPct: a.liquidity1dPct ?? "",
    liquidity7dPct: a.liquidity7dPct ?? "",
    liquidity30dPct: a.liquidity30dPct ?? "",
    notes: a.notes ?? "",
    composition: a.composition.map((l) => ({
      key: nextKey++,
      category: l.category,
      amount: fig(l.amountUsd),
      sharePct: l.sharePct ?? "",
      custodian: l.custodian ?? "",
      maturity: l.maturity ?? "",
      sourceUrl: l.sourceUrl ?? "",
    })),
  };
}

const figureOut = (f: FigureState) => (f.value.trim() === "" ? null : { value: f.value.trim(), precision: f.precision });

/** What the form sends: the raw input the shared schema parses (on both sides). */
export function toInput(s: AttestationFormState): unknown {
  return {
    issuerSlug: s.issuerSlug,
    asOf: s.asOf,
    publishedOn: s.publishedOn,
    reportType: s.reportType,
    assurance: s.assurance,
    firm: s.firm,
    standard: s.standard,
    opinion: s.opinion,
    scope: s.scope,
    reportUrl: s.reportUrl,
    reportSha256: s.reportSha256,
    sourceUrl: s.sourceUrl,
    sourceKind: s.sourceKind,
    tokensOutstanding: figureOut(s.tokensOutstanding),
    totalReserves: figureOut(s.totalReserves),
    liquidity1dPct: s.liquidity1dPct,
    liquidity7dPct: s.liquidity7dPct,
    liquidity30dPct: s.liquidity30dPct,
    notes: s.notes,
    composition: s.composition.map((l) => ({
      category: l.category,
      amountUsd: figureOut(l.amount),
      sharePct: l.sharePct,
      custodian: l.custodian,
      maturity: l.maturity,
      sourceUrl: l.sourceUrl,
    })),
  };
}
