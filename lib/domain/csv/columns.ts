// The CSV exports, column by column: the one specification the writers, the
// importer's column names and the /data page all follow. The four importable
// files keep the public-reports pack's file split, column names and
// conventions (data/public-reports/README.md), in the pack's column order,
// followed by the fields the pack lacks and then the figures we compute
// (always named computed_…, never read back on import). Pure data, no imports
// but the taxonomy.
import { RESERVE_CATEGORIES } from "@/lib/domain/taxonomy";

/**
 * pack: a column of the public-reports pack; extra: a stored field the pack lacks;
 * context: a field of the parent record repeated on each row (not read on import);
 * computed: derived by us (not read on import).
 */
export type ColumnOrigin = "pack" | "extra" | "context" | "computed";

export interface ColumnSpec {
  readonly name: string;
  readonly origin: ColumnOrigin;
  readonly description: string;
  /** Where the value comes from: the stored field, or the function that computes it. */
  readonly produce: string;
}

const pack = (name: string, description: string, produce: string) => ({ name, origin: "pack", description, produce }) as const;
const extra = (name: string, description: string, produce: string) => ({ name, origin: "extra", description, produce }) as const;
const context = (name: string, description: string, produce: string) => ({ name, origin: "context", description, produce }) as const;
const computed = <N extends `computed_${string}`>(name: N, description: string, produce: string) =>
  ({ name, origin: "computed", description, produce }) as const;

const LIST = "a list separated by “; ”";

/**
 * Every file ends with the methodology version its computed columns follow and
 * the moment the published data last changed, so a saved file says what it is.
 */
const META = [
  computed(
    "computed_methodology_version",
    "version of the methodology (/methodology) the computed columns follow: the date of its latest change",
    "METHODOLOGY_VERSION (lib/domain/metrics/versions.ts)",
  ),
  computed(
    "computed_data_as_of",
    "when the published data last changed (UTC, ISO 8601), read in the same snapshot as the rows",
    "latest updated_at of published reports, issuers and stress events",
  ),
] as const;
const BOUND = "exact, approx (rounded inputs), lower (the true value is at least this), upper (at most this), or unknown";

export const ISSUER_COLUMNS = [
  pack("slug", "identifier used by the other files (lower case, hyphens)", "issuer.slug"),
  pack("name", "display name", "issuer.name"),
  pack("token_symbol", `token symbols, ${LIST}`, "issuer.tokenSymbols"),
  pack("legal_entity", "issuing entity or entities, as sources state them", "issuer.legalEntity"),
  pack("home_jurisdiction", "ISO 3166 code such as US, US-NY, SG", "issuer.homeJurisdiction"),
  pack("backing_model", "fiat_reserve, hybrid, onchain_overcollateralized, algorithm_assisted", "issuer.backingModel"),
  pack("status", "active, winding_down, discontinued", "issuer.status"),
  pack(
    "declared_cadence",
    "how often the issuer says reports appear: daily, weekly, monthly, quarterly, semiannual, annual, none",
    "issuer.declaredCadence",
  ),
  pack("attestation_firms", "accounting firms named for the issuer's reports, with periods", "issuer.attestationFirms"),
  pack("custodians_or_banks", `named banks, custodians or asset managers, ${LIST}`, "issuer counterparties' names"),
  pack("website", "issuer website", "issuer.website"),
  pack("source_url", "page for the row's main facts", "issuer.sourceUrl"),
  extra("chains", `chains the token is issued on, ${LIST}`, "issuer.chains"),
  extra("description", "short description written for this product", "issuer.description"),
  extra("redemption_eligibility", "who may redeem (retail, institutional, region limits)", "issuer.redemptionEligibility"),
  extra("redemption_minimum_usd", "minimum redemption, USD", "issuer.redemptionMinimumUsd"),
  extra("redemption_fee", "redemption fee as stated", "issuer.redemptionFee"),
  extra("redemption_settlement", "stated settlement time", "issuer.redemptionSettlement"),
  extra("is_demo", "true for the fictional demo issuers, false for real ones", "issuer.isDemo"),
  extra(
    "counterparties_json",
    "every named counterparty with its role (bank, custodian, asset_manager, other) and source, as a JSON array of {name, role, source_url}; on import it takes precedence over custodians_or_banks",
    "issuer counterparties",
  ),
  extra("licences_json", "licences as a JSON array of {regulator, licence, jurisdiction, since, source_url}", "issuer licences"),
  computed(
    "computed_latest_as_of",
    "as-of date of the latest published report (YYYY-MM when known to the month only)",
    "comparisonRows(): the home table's Last as-of column",
  ),
  computed(
    "computed_latest_report_url",
    "source of the latest published report (the page the figures were read from, else the report itself)",
    "latest report's source_url, else primary_report_url",
  ),
  computed(
    "computed_coverage_pct",
    "latest coverage ratio: total reserves / tokens outstanding × 100, to 10 decimals",
    "coverageRatio() of the latest published report, as on the home page",
  ),
  computed("computed_coverage_bound", `how far the ratio can be trusted: ${BOUND}`, "coverageRatio(), precision carried from the inputs"),
  computed(
    "computed_coverage_on_group_totals",
    "true when the ratio is computed on a whole group's assets, which is not reserve coverage",
    "coverageRatio().onGroupTotals",
  ),
  computed(
    "computed_composition_as_of",
    "as-of date of the report the composition columns come from: the latest whose captured lines cover at least 90% of total reserves (a later, partial breakdown is not taken for the whole); empty when none does",
    "compositionSource(): the rule the issuer page and the API use",
  ),
  computed(
    "computed_other_undisclosed_pct",
    "share of reserves in the issuer's own “other / undisclosed” line, in the report named by computed_composition_as_of",
    "compositionShares().otherUndisclosedPct",
  ),
  computed("computed_other_undisclosed_bound", BOUND, "compositionShares().otherUndisclosedPct"),
  computed("computed_days_since_as_of", "days from the latest as-of date to computed_judged_on", "comparisonRows()"),
  computed(
    "computed_reports_last_12_months",
    "published reports with an as-of date in the 12 months to computed_judged_on",
    "cadenceAdherence()",
  ),
  computed(
    "computed_expected_last_12_months",
    "reports the declared cadence leads readers to expect in those 12 months (empty when no cadence is declared)",
    "cadenceAdherence()",
  ),
  computed("computed_overdue_status", "on_schedule, expected_between, overdue, no_cadence or no_reports", "cadenceAdherence().overdue"),
  computed("computed_days_overdue", "days past the expected window, when overdue", "cadenceAdherence().overdue"),
  computed("computed_stress_event_count", "recorded stress events", "count of the issuer's stress events"),
  computed("computed_judged_on", "the day (UTC) the ages and cadence figures were judged on", "today, as on the home page"),
  ...META,
] as const satisfies readonly ColumnSpec[];

export const REPORT_COLUMNS = [
  pack("issuer_slug", "issuer (a slug of issuers.csv)", "report.issuer.slug"),
  pack(
    "as_of",
    "date the figures refer to: YYYY-MM-DD, or YYYY-MM when the source gives only the month",
    "report.asOf with report.asOfPrecision",
  ),
  pack("as_of_precision", "day or month", "report.asOfPrecision"),
  pack("published", "release date of the report, when known", "report.publishedOn"),
  pack("report_type", "attestation, audit, issuer_report, proof_of_reserves", "report.reportType"),
  pack(
    "assurance",
    "audit, examination, review, agreed_upon_procedures, management_assertion, onchain_proof, self_reported, unknown",
    "report.assurance",
  ),
  pack("firm", "accounting firm, if named", "report.firm"),
  pack("scope", "reserves_and_tokens, reserves_only, group_assets_liabilities", "report.scope"),
  pack("tokens_outstanding_usd", "tokens in circulation / token liabilities, USD", "report.tokensOutstanding"),
  pack("tokens_precision", "exact, rounded, lower_bound; empty exactly when the amount is empty", "report.tokensPrecision"),
  pack("total_reserves_usd", "total reserves (group total assets for group_assets_liabilities), USD", "report.totalReserves"),
  pack("reserves_precision", "as tokens_precision", "report.reservesPrecision"),
  pack("source_url", "page the figures were read from", "report.sourceUrl"),
  pack("source_kind", "primary, regulator, press, secondary", "report.sourceKind"),
  pack("primary_report_url", "the report itself or the issuer's page for it, where seen", "report.reportUrl"),
  pack("note", "caveats on the report's figures", "report.notes"),
  extra("standard", "standard the report follows, when stated", "report.standard"),
  extra("opinion", "unqualified, qualified, adverse, disclaimer, none, unknown", "report.opinion"),
  extra("report_sha256", "SHA-256 of the report file, when an editor recorded it", "report.reportSha256"),
  extra("liquidity_1d_pct", "share of reserves the report says converts to cash within 1 day, percent", "report.liquidity1dPct"),
  extra("liquidity_7d_pct", "the same within 7 days", "report.liquidity7dPct"),
  extra("liquidity_30d_pct", "the same within 30 days", "report.liquidity30dPct"),
  extra("state", "published, or retracted (kept visible with its reason)", "report.state"),
  extra("retracted_reason", "why a retracted report was withdrawn", "report.retractedReason"),
  extra(
    "revision",
    "current revision number; 1 until the first correction (earlier versions are on the issuer page, not in this file; an import starts again at 1)",
    "report.revision",
  ),
  computed(
    "computed_coverage_pct",
    "coverage ratio: total reserves / tokens outstanding × 100, to 10 decimals; empty when it cannot be computed",
    "coverageRatio(), the function the issuer and attestation pages use",
  ),
  computed(
    "computed_coverage_bound",
    BOUND,
    "coverageRatio(): a lower-bound numerator gives a lower bound, a lower-bound denominator an upper bound",
  ),
  computed(
    "computed_coverage_note",
    "why the ratio is missing or approximate, or that it is on group totals",
    "coverageRatio().coveragePct.reason and .label",
  ),
  computed(
    "computed_publication_lag_days",
    "days from the as-of date (the month's last day for month-only dates) to publication",
    "publicationLag()",
  ),
  ...META,
] as const satisfies readonly ColumnSpec[];

export const COMPOSITION_COLUMNS = [
  pack("issuer_slug", "issuer of the report the line belongs to", "report.issuer.slug"),
  pack("as_of", "as-of date of that report, written as in reports.csv", "report.asOf with report.asOfPrecision"),
  pack("category", RESERVE_CATEGORIES.join(", "), "line.category"),
  pack("amount_usd", "amount in the category, USD; empty when only a share is known", "line.amountUsd"),
  pack("amount_precision", "exact, rounded, lower_bound; empty exactly when the amount is empty", "line.amountPrecision"),
  pack("share_pct", "share of total reserves in percent, as the source states it (not recomputed)", "line.sharePct"),
  pack("source_url", "page the line was read from", "line.sourceUrl"),
  extra("report_type", "type of the report the line belongs to; with issuer_slug and as_of it names the report", "report.reportType"),
  extra("custodian", "bank or custodian holding the line, when the report names one", "line.custodian"),
  extra("maturity", "maturity as the report states it", "line.maturity"),
  context(
    "report_source_url",
    "page the report's figures were read from (else the report itself), so every line carries its source even when the line has no page of its own",
    "report.sourceUrl, else report.reportUrl",
  ),
  ...META,
] as const satisfies readonly ColumnSpec[];

export const STRESS_EVENT_COLUMNS = [
  pack("issuer_slug", "issuer", "event.issuer.slug"),
  pack("start_date", "first documented day", "event.startDate"),
  pack("end_date", "last documented day; empty when not documented", "event.endDate"),
  pack(
    "kind",
    "depeg, redemption_halt, counterparty_exposure, regulatory_action, operational_incident, reserve_policy_change",
    "event.kind",
  ),
  pack("lowest_price", "lowest USD price reported for the event, at source precision", "event.lowestPrice"),
  pack("reserve_exposure_usd", "reserve amount exposed or affected, USD", "event.reserveExposureUsd"),
  pack("summary", "what happened, in our words", "event.summary"),
  pack("source_url", "the first source of the event", "event.sources[0].url"),
  extra(
    "exposure_precision",
    "exact, rounded, lower_bound; on import it takes precedence over the pack's “Exposure is a lower bound.” sentence",
    "event.exposurePrecision",
  ),
  extra("issuer_response", "what the issuer did and said", "event.issuerResponse"),
  extra("sources_json", "every source as a JSON array of {url, title}; on import it takes precedence over source_url", "event.sources"),
  ...META,
] as const satisfies readonly ColumnSpec[];

export const LIVE_READING_COLUMNS = [
  computed("computed_issuer_slug", "issuer (a slug of issuers.csv)", "live_reading.issuer → issuer.slug"),
  computed(
    "computed_kind",
    "supply (total supply of a token deployment), reserve_balance (a published reserve address's balance), reserve_feed (an on-chain proof-of-reserve feed's answer), issuer_figure (the issuer's own live figure, not assured)",
    "live_reading.kind",
  ),
  computed("computed_chain", "chain the reading comes from; empty for an issuer's web page", "live_reading.chain"),
  computed(
    "computed_target",
    "what was read: the deployment's contract or mint, the reserve address, the feed, or the endpoint's URL",
    "the live record the reading belongs to",
  ),
  computed(
    "computed_amount",
    "exact decimal amount in token units (supply, balances) or the feed's unit; never a float",
    "live_reading.amount",
  ),
  computed("computed_block_number", "block the reading was taken at (EVM, Tron); empty otherwise", "live_reading.block_number"),
  computed("computed_slot", "slot the reading was taken at (Solana); empty otherwise", "live_reading.slot"),
  computed("computed_read_at", "when the reading was taken (UTC, ISO 8601)", "live_reading.read_at"),
  computed("computed_age_seconds", "seconds between the reading and the moment this file was written", "now() − read_at"),
  computed("computed_source", "endpoint the reading came from (rpc:<chain>, endpoint:<id>)", "live_reading.endpoint_id"),
  computed("computed_response_sha256", "SHA-256 of the raw response the figure was parsed from", "live_reading.response_sha256"),
  ...META,
] as const satisfies readonly ColumnSpec[];

const wideCategory = (c: (typeof RESERVE_CATEGORIES)[number]) =>
  computed(
    `computed_share_pct_${c}`,
    `share of total reserves in ${c}, percent`,
    "compositionShares(): the category's lines, by amount where there is one, else the stated share",
  );

export const COMPOSITION_WIDE_COLUMNS = [
  pack("issuer_slug", "issuer", "report.issuer.slug"),
  pack("as_of", "as-of date, written as in reports.csv", "report.asOf with report.asOfPrecision"),
  extra("report_type", "type of the report", "report.reportType"),
  pack("scope", "scope of the report's totals", "report.scope"),
  pack("total_reserves_usd", "total reserves, USD", "report.totalReserves"),
  pack("reserves_precision", "exact, rounded, lower_bound", "report.reservesPrecision"),
  pack("source_url", "page the figures were read from", "report.sourceUrl"),
  pack("primary_report_url", "the report itself, where seen", "report.reportUrl"),
  extra("state", "published or retracted", "report.state"),
  ...RESERVE_CATEGORIES.map(wideCategory),
  computed(
    "computed_not_captured_pct",
    "reserves no captured line accounts for (our gap, not the issuer's “other / undisclosed”)",
    "compositionShares().notCapturedPct",
  ),
  computed(
    "computed_share_bounds",
    `categories whose share is not exact, as category=bound, ${LIST} (bounds: ${BOUND})`,
    "compositionShares()",
  ),
  ...META,
] as const satisfies readonly ColumnSpec[];

export const CSV_FILES = {
  issuers: { file: "issuers.csv", title: "Issuers", rows: "one row per issuer", importable: true, columns: ISSUER_COLUMNS },
  reports: {
    file: "reports.csv",
    title: "Reserve reports",
    rows: "one row per published or retracted report",
    importable: true,
    columns: REPORT_COLUMNS,
  },
  composition: {
    file: "composition.csv",
    title: "Composition (long)",
    rows: "one row per report and reserve category (and custodian, when named)",
    importable: true,
    columns: COMPOSITION_COLUMNS,
  },
  compositionWide: {
    file: "composition-wide.csv",
    title: "Composition (wide)",
    rows: "one row per report with a composition, one column per category",
    importable: false,
    columns: COMPOSITION_WIDE_COLUMNS,
  },
  stressEvents: {
    file: "stress_events.csv",
    title: "Stress events",
    rows: "one row per stress event",
    importable: true,
    columns: STRESS_EVENT_COLUMNS,
  },
  liveReadings: {
    file: "live_readings.csv",
    title: "Live readings",
    rows: "one row per stored live reading (supply, reserves, issuer figures), newest first; read from chains and issuers' pages, not attested",
    importable: false,
    columns: LIVE_READING_COLUMNS,
  },
} as const;

export type CsvKind = keyof typeof CSV_FILES;
export const CSV_KINDS = Object.keys(CSV_FILES) as CsvKind[];

export type ColumnName<K extends CsvKind> = (typeof CSV_FILES)[K]["columns"][number]["name"];
/** One CSV row: every column of the file, null for an empty cell. */
export type CsvRecord<K extends CsvKind> = Record<ColumnName<K>, string | null>;

export function columnNames<K extends CsvKind>(kind: K): ColumnName<K>[] {
  return CSV_FILES[kind].columns.map((c) => c.name) as ColumnName<K>[];
}

export function kindForFile(file: string): CsvKind | null {
  return CSV_KINDS.find((k) => CSV_FILES[k].file === file) ?? null;
}

export const CSV_FORMAT_NOTES = [
  "UTF-8 without a byte-order mark (add ?bom=1 for spreadsheets that need one), RFC 4180: comma-separated, CRLF line ends, fields quoted with double quotes when they contain a comma, quote or line break, quotes doubled.",
  "One header row with the column names below. Dates are ISO 8601 (YYYY-MM-DD, or YYYY-MM where only the month is known). Numbers use a decimal point and no thousands separators; amounts are US dollars.",
  "An empty cell means not known / not captured, never zero. Lists inside a cell are separated by “; ”.",
  "A cell that a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) is written with a single quote (') in front, so the spreadsheet shows it as text; a cell that already starts with quotes before such a character gets one more. Our importer removes exactly one quote again.",
  "Columns named computed_… are figures we compute from the stored ones with the functions named below; they are not in any source report, and an import ignores them.",
] as const;
