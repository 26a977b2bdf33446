import "server-only";

// The SQL behind the CSV downloads. Values leave PostgreSQL as text at their
// stored precision (trim_scale drops trailing fraction zeros, as
// mappers.decimalString does; dates as YYYY-MM-DD, never a JS Date, so no time
// zone can shift them), and are turned into the plain shapes of
// lib/domain/types.ts so the CSV records use the same metric functions as the
// pages. Reports leave as their stored row and are read by the record module's one
// mapping (lib/server/records/report.ts), like every other reader of reports. Only
// published and retracted reports are public; drafts never leave.
import type { FilterParams } from "@/lib/domain/api/params";
import { columnNames, type ColumnName } from "@/lib/domain/csv/columns";
import { neutraliseSql } from "@/lib/domain/csv/neutralise";
import type { ExportMeta } from "@/lib/domain/csv/records";
import { METHODOLOGY_VERSION } from "@/lib/domain/metrics/versions";
import type { AttestationData, Figure, IssuerData, StressEventData } from "@/lib/domain/types";
import { reportFromJson, storedReportJson, type RawReport } from "@/lib/server/records/report";

export interface SqlQuery {
  text: string;
  values: unknown[];
}

type Bind = (value: unknown) => string;

const dec = (column: string) => `trim_scale(${column})::text`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
/**
 * When the published data last changed, as ISO 8601 UTC: an uncorrelated
 * subquery, evaluated once per statement and inside the export's snapshot, so
 * the stated time matches the rows.
 */
export const DATA_AS_OF_SQL = `(SELECT to_char(max(t) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') FROM (
  SELECT max(updated_at) AS t FROM attestation WHERE state <> 'draft'
  UNION ALL SELECT max(updated_at) FROM issuer
  UNION ALL SELECT max(updated_at) FROM stress_event) AS changes)`;

const AS_OF_TEXT = `CASE WHEN a.as_of_precision = 'month' THEN to_char(a.as_of, 'YYYY-MM') ELSE to_char(a.as_of, 'YYYY-MM-DD') END`;

function conditions(filter: FilterParams, dateColumn: string | null, bind: Bind): string {
  const parts: string[] = [];
  if (filter.issuer.length) parts.push(`i.slug = ANY(${bind(filter.issuer)}::text[])`);
  if (dateColumn && filter.from) parts.push(`${dateColumn} >= ${bind(filter.from)}::date`);
  if (dateColumn && filter.to) parts.push(`${dateColumn} <= ${bind(filter.to)}::date`);
  return parts.map((p) => ` AND ${p}`).join("");
}

function parameterised(build: (bind: Bind) => string): SqlQuery {
  const values: unknown[] = [];
  const text = build((v) => {
    values.push(v);
    return `$${values.length}`;
  });
  return { text, values };
}

export function issuersQuery(filter: FilterParams): SqlQuery {
  return parameterised(
    (
      bind,
    ) => `SELECT i.slug, i.name, i.token_symbols, i.legal_entity, i.website, i.home_jurisdiction, i.backing_model::text AS backing_model,
  i.status::text AS status, i.declared_cadence::text AS declared_cadence, i.chains, i.description, i.redemption_eligibility,
  ${dec("i.redemption_minimum_usd")} AS redemption_minimum_usd, i.redemption_fee, i.redemption_settlement, i.attestation_firms,
  i.source_url, i.is_demo,
  COALESCE((SELECT json_agg(json_build_object('name', c.name, 'role', c.role, 'sourceUrl', c.source_url) ORDER BY c.name)
    FROM counterparty c WHERE c.issuer_id = i.id), '[]') AS counterparties,
  COALESCE((SELECT json_agg(json_build_object('regulator', l.regulator, 'licence', l.licence, 'jurisdiction', l.jurisdiction,
    'since', ${day("l.since")}, 'sourceUrl', l.source_url) ORDER BY l.since) FROM licence l WHERE l.issuer_id = i.id), '[]') AS licences,
  ${DATA_AS_OF_SQL} AS data_as_of
FROM issuer i WHERE true${conditions(filter, null, bind)}
ORDER BY i.slug`,
  );
}

/**
 * Reports, oldest first per issuer, each as its stored row (storedReportJson, read by the record module's one
 * mapping); with lines: only reports that have a composition, each with its lines.
 */
export function reportsQuery(filter: FilterParams, opts: { withComposition: boolean }): SqlQuery {
  return parameterised(
    (bind) => `SELECT ${storedReportJson({ lines: opts.withComposition })} AS report, ${DATA_AS_OF_SQL} AS data_as_of
FROM attestation a JOIN issuer i ON i.id = a.issuer_id
WHERE a.state IN ('published', 'retracted')${opts.withComposition ? " AND EXISTS (SELECT 1 FROM composition_line l WHERE l.attestation_id = a.id)" : ""}${conditions(filter, "a.as_of", bind)}
ORDER BY i.slug, a.as_of, a.report_type`,
  );
}

export function stressEventsQuery(filter: FilterParams): SqlQuery {
  return parameterised(
    (
      bind,
    ) => `SELECT e.id, i.slug AS issuer_slug, ${day("e.start_date")} AS start_date, ${day("e.end_date")} AS end_date, e.kind::text AS kind,
  ${dec("e.lowest_price")} AS lowest_price, ${dec("e.reserve_exposure_usd")} AS reserve_exposure_usd,
  e.exposure_precision::text AS exposure_precision, e.summary, e.issuer_response,
  COALESCE((SELECT json_agg(json_build_object('url', s.url, 'title', s.title) ORDER BY s.url) FROM stress_source s
    WHERE s.stress_event_id = e.id), '[]') AS sources,
  ${DATA_AS_OF_SQL} AS data_as_of
FROM stress_event e JOIN issuer i ON i.id = e.issuer_id
WHERE true${conditions(filter, "e.start_date", bind)}
ORDER BY i.slug, e.start_date NULLS FIRST, e.id`,
  );
}

/**
 * composition.csv as one statement for COPY … TO STDOUT: PostgreSQL writes the
 * CSV itself (see lib/server/csv/stream.ts for why). COPY takes no bind
 * parameters, so the filter values (already validated: slugs and calendar
 * dates) are quoted with the driver's literal escaping. Every cell goes
 * through the same formula neutralisation as the other files.
 */
export function compositionCopySql(filter: FilterParams, escapeLiteral: (s: string) => string): string {
  const bind: Bind = (v) => (Array.isArray(v) ? `ARRAY[${v.map((x) => escapeLiteral(String(x))).join(", ")}]` : escapeLiteral(String(v)));
  const n = neutraliseSql;
  const cells: Record<ColumnName<"composition">, string> = {
    issuer_slug: n("i.slug"),
    as_of: n(AS_OF_TEXT),
    category: n("l.category::text"),
    amount_usd: n(dec("l.amount_usd")),
    amount_precision: n("l.amount_precision::text"),
    share_pct: n(dec("l.share_pct")),
    source_url: n("l.source_url"),
    report_type: n("a.report_type::text"),
    custodian: n("NULLIF(l.custodian, '')"),
    maturity: n("l.maturity"),
    report_source_url: n("COALESCE(a.source_url, a.report_url)"),
    computed_methodology_version: escapeLiteral(METHODOLOGY_VERSION),
    computed_data_as_of: DATA_AS_OF_SQL,
  };
  const columns = columnNames("composition");
  const select = columns.map((c) => `${cells[c]} AS ${c}`).join(",\n  ");
  return `SELECT ${select}
FROM composition_line l JOIN attestation a ON a.id = l.attestation_id JOIN issuer i ON i.id = a.issuer_id
WHERE a.state IN ('published', 'retracted')${conditions(filter, "a.as_of", bind)}
ORDER BY i.slug, a.as_of, a.report_type, l.category, l.custodian`;
}

// Rows of the queries above → the plain shapes the record builders take.

export function exportMetaFromRow(r: Record<string, unknown>): ExportMeta {
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    dataAsOf: r.data_as_of === null || r.data_as_of === undefined ? null : String(r.data_as_of),
  };
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const fig = (value: unknown, precision: unknown): Figure | null =>
  value === null || value === undefined || precision === null || precision === undefined
    ? null
    : { value: String(value), precision: String(precision) as Figure["precision"] };

export function issuerFromRow(r: Row): IssuerData {
  const counterparties = r.counterparties as { name: string; role: string; sourceUrl: string | null }[];
  const licences = r.licences as {
    regulator: string;
    licence: string;
    jurisdiction: string;
    since: string | null;
    sourceUrl: string | null;
  }[];
  return {
    id: "",
    slug: String(r.slug),
    name: String(r.name),
    tokenSymbols: (r.token_symbols as string[] | null) ?? [],
    legalEntity: str(r.legal_entity),
    website: str(r.website),
    homeJurisdiction: str(r.home_jurisdiction),
    backingModel: r.backing_model as IssuerData["backingModel"],
    status: r.status as IssuerData["status"],
    declaredCadence: r.declared_cadence as IssuerData["declaredCadence"],
    chains: (r.chains as string[] | null) ?? [],
    description: str(r.description),
    redemption: {
      eligibility: str(r.redemption_eligibility),
      minimumUsd: str(r.redemption_minimum_usd),
      fee: str(r.redemption_fee),
      settlement: str(r.redemption_settlement),
    },
    attestationFirms: str(r.attestation_firms),
    sourceUrl: str(r.source_url),
    isDemo: r.is_demo === true,
    licences,
    counterparties: counterparties.map((c) => ({
      name: c.name,
      role: c.role as IssuerData["counterparties"][number]["role"],
      sourceUrl: c.sourceUrl,
    })),
  };
}

/** A reports-file row: the report through the record module's mapping. */
export function reportFromCsvRow(r: Row): AttestationData {
  return reportFromJson(r.report as RawReport);
}

export function stressEventFromRow(r: Row): StressEventData {
  return {
    id: String(r.id),
    issuerSlug: String(r.issuer_slug),
    startDate: str(r.start_date),
    endDate: str(r.end_date),
    kind: r.kind as StressEventData["kind"],
    lowestPrice: str(r.lowest_price),
    reserveExposureUsd: fig(r.reserve_exposure_usd, r.exposure_precision),
    summary: String(r.summary),
    issuerResponse: str(r.issuer_response),
    sources: r.sources as StressEventData["sources"],
  };
}

/** live_readings.csv: every stored live reading, newest first, by COPY (the history can be long). */
export function liveReadingsCopySql(filter: FilterParams, escapeLiteral: (s: string) => string): string {
  const bind: Bind = (v) => (Array.isArray(v) ? `ARRAY[${v.map((x) => escapeLiteral(String(x))).join(", ")}]` : escapeLiteral(String(v)));
  const n = neutraliseSql;
  const cells: Record<ColumnName<"liveReadings">, string> = {
    computed_issuer_slug: n("i.slug"),
    computed_kind: n("r.kind::text"),
    computed_chain: n("r.chain"),
    computed_target: n("COALESCE(d.address, ra.address, f.feed_address, e.url, r.target_id)"),
    computed_amount: n(dec("r.amount")),
    computed_block_number: "r.block_number::text",
    computed_slot: "r.slot::text",
    computed_read_at: `to_char(r.read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    computed_age_seconds: "floor(extract(epoch FROM now() - r.read_at))::bigint::text",
    computed_source: n("r.endpoint_id"),
    computed_response_sha256: "r.response_sha256",
    computed_methodology_version: escapeLiteral(METHODOLOGY_VERSION),
    computed_data_as_of: DATA_AS_OF_SQL,
  };
  const columns = columnNames("liveReadings");
  const select = columns.map((c) => `${cells[c]} AS ${c}`).join(",\n  ");
  return `SELECT ${select}
FROM live_reading r JOIN issuer i ON i.id = r.issuer_id
LEFT JOIN live_token_deployment d ON d.id = r.target_id
LEFT JOIN live_reserve_address ra ON ra.id = r.target_id
LEFT JOIN live_reserve_feed f ON f.id = r.target_id
LEFT JOIN live_transparency_endpoint e ON e.id = r.target_id
WHERE true${conditions(filter, "r.read_at::date", bind)}
ORDER BY r.read_at DESC, r.id DESC`;
}
