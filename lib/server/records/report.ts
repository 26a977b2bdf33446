import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
// The report record: the one Prisma include that loads it with its lines, and
// the one mapping from its stored row to the input shape (what a revision
// snapshot holds, the editor form edits and the pack re-import compares).
//
// Names. Readers see "report"; the code says "attestation" for the record (the
// Prisma model, the table, the routes), because that is its name in the schema
// and the API. A report's `reportType` can itself be "attestation" (or "audit",
// "issuer_report", "proof_of_reserves"): a kind of report, never the record. One name per shape:
//   AttestationInput   the input (z.output of lib/domain/schemas/attestation.ts): what
//                      the editor form, the JSON API, the bulk import and the pack
//                      write, what a revision snapshot and an audit entry keep.
//   StoredAttestation  the stored row as Prisma loads it (attestationWithLines):
//                      decimals as Prisma.Decimal, dates as Date. Only server code sees it.
//   AttestationData    the view (lib/domain/types.ts): plain strings and figures, what
//                      every page, chart, metric, CSV writer and the API serialiser read.
//   ApiAttestation     the API's JSON (lib/domain/api/schemas.ts), made from the view.
//   DatedReport        the few fields of the view the cadence measures read.
// The conversions, all here: input -> row (attestationFields, compositionRows: what every
// write stores, insert-many.ts included); row -> input (storedToInput); row -> view
// (toAttestationData, and storedReports for SQL-loaded rows).
import { fromUtcDate, toUtcDate } from "@/lib/domain/dates";
import { asOfParts, type AttestationInput } from "@/lib/domain/schemas/attestation";
import type { AttestationData } from "@/lib/domain/types";
import { decimalString, figure } from "@/lib/server/queries/mappers";

export const attestationWithLines = {
  issuer: { select: { slug: true } },
  composition: { orderBy: [{ category: "asc" }, { custodian: "asc" }] },
} satisfies Prisma.AttestationInclude;
export type StoredAttestation = Prisma.AttestationGetPayload<{ include: typeof attestationWithLines }>;

/** Input -> the report's columns (without its issuer, state and write times, which each write sets). */
export function attestationFields(a: AttestationInput) {
  const { asOf, asOfPrecision } = asOfParts(a.asOf);
  return {
    asOf: toUtcDate(asOf),
    asOfPrecision,
    publishedOn: a.publishedOn ? toUtcDate(a.publishedOn) : null,
    reportType: a.reportType,
    assurance: a.assurance,
    firm: a.firm,
    standard: a.standard,
    opinion: a.opinion,
    scope: a.scope,
    reportUrl: a.reportUrl,
    reportSha256: a.reportSha256,
    sourceUrl: a.sourceUrl,
    sourceKind: a.sourceKind,
    tokensOutstanding: a.tokensOutstanding?.value ?? null,
    tokensPrecision: a.tokensOutstanding?.precision ?? null,
    totalReserves: a.totalReserves?.value ?? null,
    reservesPrecision: a.totalReserves?.precision ?? null,
    liquidity1dPct: a.liquidity1dPct,
    liquidity7dPct: a.liquidity7dPct,
    liquidity30dPct: a.liquidity30dPct,
    notes: a.notes,
  };
}

/** Input -> the report's composition lines. */
export function compositionRows(attestationId: string, a: AttestationInput): Prisma.CompositionLineCreateManyInput[] {
  return a.composition.map((l) => ({
    attestationId,
    category: l.category,
    amountUsd: l.amountUsd?.value ?? null,
    amountPrecision: l.amountUsd?.precision ?? null,
    sharePct: l.sharePct,
    custodian: l.custodian ?? "",
    maturity: l.maturity,
    sourceUrl: l.sourceUrl,
  }));
}

/** The stored report in the shape of the input schema (what a revision snapshot holds). */
export function storedToInput(a: StoredAttestation): AttestationInput {
  const asOf = fromUtcDate(a.asOf);
  return {
    issuerSlug: a.issuer.slug,
    asOf: a.asOfPrecision === "month" ? asOf.slice(0, 7) : asOf,
    publishedOn: a.publishedOn ? fromUtcDate(a.publishedOn) : null,
    reportType: a.reportType,
    assurance: a.assurance,
    firm: a.firm,
    standard: a.standard,
    opinion: a.opinion,
    scope: a.scope,
    reportUrl: a.reportUrl,
    reportSha256: a.reportSha256,
    sourceUrl: a.sourceUrl,
    sourceKind: a.sourceKind,
    tokensOutstanding: figure(a.tokensOutstanding, a.tokensPrecision),
    totalReserves: figure(a.totalReserves, a.reservesPrecision),
    liquidity1dPct: decimalString(a.liquidity1dPct),
    liquidity7dPct: decimalString(a.liquidity7dPct),
    liquidity30dPct: decimalString(a.liquidity30dPct),
    notes: a.notes,
    composition: [...a.composition]
      .sort((x, y) => x.category.localeCompare(y.category) || x.custodian.localeCompare(y.custodian))
      .map((l) => ({
        category: l.category,
        amountUsd: figure(l.amountUsd, l.amountPrecision),
        sharePct: decimalString(l.sharePct),
        custodian: l.custodian || null,
        maturity: l.maturity,
        sourceUrl: l.sourceUrl,
      })),
  };
}

/**
 * The read model public pages, feeds and the API use: the input shape with the record's id,
 * state and revision, the as-of date as a day (with its precision beside it) and the
 * liquidity ladder grouped.
 */
export function toAttestationData(a: StoredAttestation): AttestationData {
  const { asOf: _monthOrDay, liquidity1dPct, liquidity7dPct, liquidity30dPct, ...fields } = storedToInput(a);
  return {
    id: a.id,
    ...fields,
    asOf: fromUtcDate(a.asOf),
    asOfPrecision: a.asOfPrecision,
    liquidity: { within1dPct: liquidity1dPct, within7dPct: liquidity7dPct, within30dPct: liquidity30dPct },
    state: a.state,
    revision: a.revision,
    retractedReason: a.retractedReason,
  };
}

/** A public report as the issuer page loads it: the read model and its earlier revisions as stored. */
export interface StoredWithRevisions {
  report: AttestationData;
  revisions: { revision: number; reason: string; createdAt: Date; snapshot: unknown }[];
}

/** A report as storedReportJson gives it, parsed: dates and decimals as text. */
export type RawReport = Omit<
  StoredAttestation,
  | "asOf"
  | "publishedOn"
  | "tokensOutstanding"
  | "totalReserves"
  | "liquidity1dPct"
  | "liquidity7dPct"
  | "liquidity30dPct"
  | "firstPublishedAt"
  | "retractedAt"
  | "createdAt"
  | "updatedAt"
  | "composition"
> & {
  asOf: string;
  publishedOn: string | null;
  tokensOutstanding: string | null;
  totalReserves: string | null;
  liquidity1dPct: string | null;
  liquidity7dPct: string | null;
  liquidity30dPct: string | null;
  firstPublishedAt: string | null;
  retractedAt: string | null;
  createdAt: string;
  updatedAt: string;
  composition: (Omit<StoredAttestation["composition"][number], "amountUsd" | "sharePct"> & {
    amountUsd: string | null;
    sharePct: string | null;
  })[];
};
type RawRevision = { revision: number; reason: string; createdAt: string; snapshot: unknown };

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const dec = (s: string | null) => (s === null ? null : new Prisma.Decimal(s));
const at = (s: string | null) => (s === null ? null : new Date(s));

/**
 * A report as its stored row, as SQL over `attestation a JOIN issuer i`: a JSON object with Prisma's field names,
 * decimals as text (never JSON numbers, so no digit is lost), with its lines or, `lines: false`, none. The one
 * projection every reader of whole reports uses (the issuer pages, the CSV files), revived by reportFromJson.
 */
export function storedReportJson({ lines }: { lines: boolean }): string {
  const composition = lines
    ? `coalesce((
        SELECT json_agg(json_build_object(
          'id', l.id, 'attestationId', l.attestation_id, 'category', l.category, 'amountUsd', l.amount_usd::text,
          'amountPrecision', l.amount_precision, 'sharePct', l.share_pct::text, 'custodian', l.custodian,
          'maturity', l.maturity, 'sourceUrl', l.source_url) ORDER BY l.category, l.custodian)
        FROM composition_line l WHERE l.attestation_id = a.id), '[]'::json)`
    : `'[]'::json`;
  return `json_build_object(
      'id', a.id, 'issuerId', a.issuer_id, 'asOf', a.as_of, 'asOfPrecision', a.as_of_precision, 'publishedOn', a.published_on,
      'reportType', a.report_type, 'assurance', a.assurance, 'firm', a.firm, 'standard', a.standard, 'opinion', a.opinion,
      'scope', a.scope, 'reportUrl', a.report_url, 'reportSha256', a.report_sha256, 'sourceUrl', a.source_url,
      'sourceKind', a.source_kind, 'tokensOutstanding', a.tokens_outstanding::text, 'tokensPrecision', a.tokens_precision,
      'totalReserves', a.total_reserves::text, 'reservesPrecision', a.reserves_precision,
      'liquidity1dPct', a.liquidity_1d_pct::text, 'liquidity7dPct', a.liquidity_7d_pct::text,
      'liquidity30dPct', a.liquidity_30d_pct::text, 'notes', a.notes, 'state', a.state,
      'firstPublishedAt', a.first_published_at, 'retractedAt', a.retracted_at, 'retractedReason', a.retracted_reason,
      'revision', a.revision, 'version', a.version, 'createdAt', a.created_at, 'updatedAt', a.updated_at,
      'issuer', json_build_object('slug', i.slug),
      'composition', ${composition})`;
}

/** A report as storedReportJson gives it (parsed), in the plain shape: through the one mapping, toAttestationData. */
export function reportFromJson(r: RawReport): AttestationData {
  return toAttestationData({
    ...r,
    asOf: day(r.asOf),
    publishedOn: r.publishedOn === null ? null : day(r.publishedOn),
    tokensOutstanding: dec(r.tokensOutstanding),
    totalReserves: dec(r.totalReserves),
    liquidity1dPct: dec(r.liquidity1dPct),
    liquidity7dPct: dec(r.liquidity7dPct),
    liquidity30dPct: dec(r.liquidity30dPct),
    firstPublishedAt: at(r.firstPublishedAt),
    retractedAt: at(r.retractedAt),
    createdAt: new Date(r.createdAt),
    updatedAt: new Date(r.updatedAt),
    composition: r.composition.map((l) => ({ ...l, amountUsd: dec(l.amountUsd), sharePct: dec(l.sharePct) })),
  });
}

/**
 * Reports with their lines and revisions in one SQL query (storedReportJson, and the revisions beside it), mapped
 * with the one mapping. Prisma 6.19 compiles every query in WebAssembly on the event loop and builds its results
 * there: for an issuer with 120 reports and 600 lines its include took 40-60 ms of an uncached issuer page; this
 * takes a few. `where` filters `attestation a`; rows come newest first. A test checks both loaders agree.
 */
async function storedReports(prisma: PrismaClient, where: Prisma.Sql): Promise<StoredWithRevisions[]> {
  const rows = await prisma.$queryRaw<{ row: string; revisions: string }[]>`
    SELECT ${Prisma.raw(storedReportJson({ lines: true }))}::text AS row,
      coalesce((
        SELECT json_agg(json_build_object('revision', r.revision, 'reason', r.reason, 'createdAt', r.created_at, 'snapshot', r.snapshot)
          ORDER BY r.revision)
        FROM attestation_revision r WHERE r.attestation_id = a.id), '[]'::json)::text AS revisions
    FROM attestation a JOIN issuer i ON i.id = a.issuer_id
    WHERE ${where}
    ORDER BY a.as_of DESC, a.report_type ASC`;
  return rows.map(({ row, revisions }) => ({
    report: reportFromJson(JSON.parse(row) as RawReport),
    revisions: (JSON.parse(revisions) as RawRevision[]).map((v) => ({ ...v, createdAt: new Date(v.createdAt) })),
  }));
}

/** An issuer's public reports (published and retracted), newest first, with their lines and revisions. */
export function publicReportsOf(prisma: PrismaClient, issuerId: string): Promise<StoredWithRevisions[]> {
  return storedReports(prisma, Prisma.sql`a.issuer_id = ${issuerId} AND a.state IN ('published', 'retracted')`);
}

/** Reports by id, in slices (each id is one query parameter, and PostgreSQL takes at most 65,535). */
export async function reportsById(prisma: PrismaClient, ids: readonly string[]): Promise<AttestationData[]> {
  const out: AttestationData[] = [];
  for (let i = 0; i < ids.length; i += 10_000) {
    const slice = ids.slice(i, i + 10_000);
    if (slice.length === 0) break;
    for (const r of await storedReports(prisma, Prisma.sql`a.id IN (${Prisma.join(slice)})`)) out.push(r.report);
  }
  return out;
}
