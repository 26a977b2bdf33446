// Plain, serialisable shapes of the stored facts, shared by read models,
// metrics, CSV and the API. Money and shares travel as decimal strings (never
// floats); calendar dates as "YYYY-MM-DD" strings.
import type {
  Assurance,
  AttestationState,
  BackingModel,
  Cadence,
  CounterpartyRole,
  DatePrecision,
  IssuerStatus,
  Opinion,
  Precision,
  ReportScope,
  ReportType,
  ReserveCategory,
  SourceKind,
  StressKind,
} from "./taxonomy";

/** A figure as the source gave it: a decimal string and how exact it is. */
export interface Figure {
  value: string;
  precision: Precision;
}

export interface CompositionLineData {
  category: ReserveCategory;
  amountUsd: Figure | null;
  /** Percent of total reserves (0-100) as stated by the source. */
  sharePct: string | null;
  custodian: string | null;
  maturity: string | null;
  sourceUrl: string | null;
}

export interface LiquidityLadder {
  within1dPct: string | null;
  within7dPct: string | null;
  within30dPct: string | null;
}

export interface AttestationData {
  id: string;
  issuerSlug: string;
  /** YYYY-MM-DD; with asOfPrecision "month" it is the first day of the month. */
  asOf: string;
  asOfPrecision: DatePrecision;
  publishedOn: string | null;
  reportType: ReportType;
  assurance: Assurance;
  firm: string | null;
  standard: string | null;
  opinion: Opinion;
  scope: ReportScope;
  reportUrl: string | null;
  reportSha256: string | null;
  sourceUrl: string | null;
  sourceKind: SourceKind;
  tokensOutstanding: Figure | null;
  totalReserves: Figure | null;
  liquidity: LiquidityLadder;
  notes: string | null;
  state: AttestationState;
  revision: number;
  retractedReason: string | null;
  composition: CompositionLineData[];
}

export interface LicenceData {
  regulator: string;
  licence: string;
  jurisdiction: string;
  since: string | null;
  sourceUrl: string | null;
}

export interface CounterpartyData {
  name: string;
  role: CounterpartyRole;
  sourceUrl: string | null;
}

export interface IssuerData {
  id: string;
  slug: string;
  name: string;
  tokenSymbols: string[];
  legalEntity: string | null;
  website: string | null;
  homeJurisdiction: string | null;
  backingModel: BackingModel;
  status: IssuerStatus;
  declaredCadence: Cadence;
  chains: string[];
  description: string | null;
  redemption: {
    eligibility: string | null;
    minimumUsd: string | null;
    fee: string | null;
    settlement: string | null;
  };
  attestationFirms: string | null;
  sourceUrl: string | null;
  isDemo: boolean;
  licences: LicenceData[];
  counterparties: CounterpartyData[];
}

export interface StressEventData {
  id: string;
  issuerSlug: string;
  startDate: string | null;
  endDate: string | null;
  kind: StressKind;
  lowestPrice: string | null;
  reserveExposureUsd: Figure | null;
  summary: string;
  issuerResponse: string | null;
  sources: { url: string; title: string | null }[];
}
