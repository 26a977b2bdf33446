// The shared vocabulary of docs/domain.md: reserve categories and the enumerations
// every layer (schema, forms, CSV, API, pages) uses. Pure data, no imports.

export const RESERVE_CATEGORIES = [
  "cash_deposits",
  "tbills_93d",
  "treasury_notes_bonds",
  "repo_overnight",
  "gov_mmf",
  "other_mmf",
  "commercial_paper_cds",
  "corporate_bonds",
  "secured_loans",
  "onchain_crypto",
  "precious_metals",
  "other_undisclosed",
] as const;
export type ReserveCategory = (typeof RESERVE_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ReserveCategory, string> = {
  cash_deposits: "Cash and bank deposits",
  tbills_93d: "Treasury bills (≤ 93 days)",
  treasury_notes_bonds: "Longer Treasury notes and bonds",
  repo_overnight: "Overnight repo on Treasuries",
  gov_mmf: "Government money market funds",
  other_mmf: "Other money market funds",
  commercial_paper_cds: "Commercial paper and CDs",
  corporate_bonds: "Corporate bonds",
  secured_loans: "Secured loans",
  onchain_crypto: "On-chain crypto collateral",
  precious_metals: "Precious metals",
  other_undisclosed: "Other / undisclosed",
};

export const BACKING_MODELS = ["fiat_reserve", "hybrid", "onchain_overcollateralized", "algorithm_assisted"] as const;
export type BackingModel = (typeof BACKING_MODELS)[number];
export const BACKING_MODEL_LABELS: Record<BackingModel, string> = {
  fiat_reserve: "Fiat reserve",
  hybrid: "Hybrid",
  onchain_overcollateralized: "On-chain over-collateralised",
  algorithm_assisted: "Algorithm-assisted",
};

export const ISSUER_STATUSES = ["active", "winding_down", "discontinued"] as const;
export type IssuerStatus = (typeof ISSUER_STATUSES)[number];
export const ISSUER_STATUS_LABELS: Record<IssuerStatus, string> = {
  active: "Active",
  winding_down: "Winding down",
  discontinued: "Discontinued",
};

export const CADENCES = ["daily", "weekly", "monthly", "quarterly", "semiannual", "annual", "none"] as const;
export type Cadence = (typeof CADENCES)[number];
export const CADENCE_LABELS: Record<Cadence, string> = {
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  semiannual: "Every six months",
  annual: "Yearly",
  none: "None declared",
};

export const REPORT_TYPES = ["attestation", "audit", "issuer_report", "proof_of_reserves"] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const REPORT_TYPE_LABELS: Record<ReportType, string> = {
  attestation: "Attestation",
  audit: "Audit",
  issuer_report: "Issuer report",
  proof_of_reserves: "Proof of reserves",
};

export const ASSURANCE_METHODS = [
  "audit",
  "examination",
  "review",
  "agreed_upon_procedures",
  "management_assertion",
  "onchain_proof",
  "self_reported",
  "unknown",
] as const;
export type Assurance = (typeof ASSURANCE_METHODS)[number];
export const ASSURANCE_LABELS: Record<Assurance, string> = {
  audit: "Audit",
  examination: "Examination (reasonable assurance)",
  review: "Review (limited assurance)",
  agreed_upon_procedures: "Agreed-upon procedures",
  management_assertion: "Report on management's assertion",
  onchain_proof: "On-chain proof",
  self_reported: "Issuer self-report, no assurance",
  unknown: "Not stated",
};

export const OPINIONS = ["unqualified", "qualified", "adverse", "disclaimer", "none", "unknown"] as const;
export type Opinion = (typeof OPINIONS)[number];

export const SCOPES = ["reserves_and_tokens", "reserves_only", "group_assets_liabilities"] as const;
export type ReportScope = (typeof SCOPES)[number];
export const SCOPE_LABELS: Record<ReportScope, string> = {
  reserves_and_tokens: "Reserves and tokens outstanding",
  reserves_only: "Reserves only",
  group_assets_liabilities: "Whole-group assets and liabilities",
};

export const SOURCE_KINDS = ["primary", "regulator", "press", "secondary"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  primary: "Report or issuer's own page",
  regulator: "Regulator",
  press: "Press account",
  secondary: "Third-party transcription",
};

export const PRECISIONS = ["exact", "rounded", "lower_bound"] as const;
export type Precision = (typeof PRECISIONS)[number];

export const DATE_PRECISIONS = ["day", "month"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ATTESTATION_STATES = ["draft", "published", "retracted"] as const;
export type AttestationState = (typeof ATTESTATION_STATES)[number];

export const STRESS_KINDS = [
  "depeg",
  "redemption_halt",
  "counterparty_exposure",
  "regulatory_action",
  "operational_incident",
  "reserve_policy_change",
] as const;
export type StressKind = (typeof STRESS_KINDS)[number];
export const STRESS_KIND_LABELS: Record<StressKind, string> = {
  depeg: "Depeg",
  redemption_halt: "Redemption halt or delay",
  counterparty_exposure: "Bank / counterparty exposure",
  regulatory_action: "Regulatory action",
  operational_incident: "Operational or security incident",
  reserve_policy_change: "Reserve-policy change",
};

export const COUNTERPARTY_ROLES = ["bank", "custodian", "asset_manager", "other"] as const;
export type CounterpartyRole = (typeof COUNTERPARTY_ROLES)[number];
