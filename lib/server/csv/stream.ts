import "server-only";

import { stringify } from "csv-stringify/sync";
// CSV downloads, streamed from the database with memory that does not grow
// with the file: each chunk is written and handed on before the next is read,
// and a reader who stops (closes the tab) stops the query.
//
// Two ways in, chosen by measurement (bench/csv-export.ts, 1,000,000 lines):
// - composition.csv, the file that gets large (one row per line of every
//   report), is written by PostgreSQL itself: COPY (SELECT …) TO STDOUT WITH
//   (FORMAT csv) through pg-copy-streams. PostgreSQL's CSV writer does the
//   RFC 4180 quoting and the SELECT does the formula neutralisation, at the
//   speed of psql's \copy. A server-side cursor read through node-pg and
//   written with csv-stringify reached only about a third of psql (the driver's
//   row parsing alone costs more than the whole COPY).
// - issuers, reports, wide composition and stress events carry columns that
//   our metric functions compute (coverage, shares, cadence): they are read
//   through a server-side cursor in batches and written with csv-stringify, so
//   those figures come from the same TypeScript functions as the pages, not
//   from a second implementation in SQL. They have one row per report at most.
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

import type { CsvParams } from "@/lib/domain/api/params";
import { columnNames, type CsvKind } from "@/lib/domain/csv/columns";
import { compositionWideRecord, issuerRecord, reportRecord, stressEventRecord, type IssuerComputed } from "@/lib/domain/csv/records";
import {
  compositionCopySql,
  exportMetaFromRow,
  issuerFromRow,
  issuersQuery,
  liveReadingsCopySql,
  reportFromCsvRow,
  reportsQuery,
  stressEventFromRow,
  stressEventsQuery,
  type SqlQuery,
} from "@/lib/server/queries/csv-export";

const BATCH_ROWS = 2_000;
const UTF8_BOM = "\uFEFF";

export interface CsvStreamOptions {
  pool: pg.Pool;
  /** issuers.csv only: the home comparison figures per slug (computed_… columns). */
  issuerComputed?: ReadonlyMap<string, IssuerComputed>;
}

/** Rows of one query in batches, inside one read-only snapshot (a publish mid-download cannot tear the file). */
async function* cursorBatches(pool: pg.Pool, query: SqlQuery): AsyncGenerator<Record<string, unknown>[]> {
  const client = await pool.connect();
  let finished = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query(`DECLARE csv_export NO SCROLL CURSOR FOR ${query.text}`, query.values);
    for (;;) {
      const { rows } = await client.query<Record<string, unknown>>(`FETCH ${BATCH_ROWS} FROM csv_export`);
      if (rows.length === 0) break;
      yield rows;
    }
    await client.query("COMMIT");
    finished = true;
  } finally {
    // Abandoned half-way (reader gone, error): drop the connection rather than return it mid-transaction.
    client.release(finished ? undefined : true);
  }
}

function writeRows<R extends object>(kind: CsvKind, records: R[], header: boolean): string {
  return stringify(records, {
    header,
    columns: columnNames(kind),
    record_delimiter: "\r\n",
    // csv-stringify quotes a line break only when it is the record delimiter; RFC 4180 wants any CR or LF quoted.
    quoted_match: /[\r\n]/,
  });
}

async function* recordsCsv<R extends object>(
  kind: CsvKind,
  pool: pg.Pool,
  query: SqlQuery,
  toRecord: (row: Record<string, unknown>) => R,
): AsyncGenerator<string> {
  let header = true;
  for await (const rows of cursorBatches(pool, query)) {
    yield writeRows(kind, rows.map(toRecord), header);
    header = false;
  }
  if (header) yield writeRows(kind, [], true);
}

/**
 * PostgreSQL ends CSV records with LF; RFC 4180 asks for CRLF. Line feeds
 * inside quoted cells stay as they are, so the quote state is tracked across
 * chunks (a doubled quote inside a cell toggles twice, which keeps it right).
 */
export function crlfRecords(): (chunk: Buffer) => Buffer {
  let quoted = false;
  const CRLF = Buffer.from("\r\n");
  return (chunk) => {
    const parts: Buffer[] = [];
    let last = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x22) quoted = !quoted;
      else if (b === 0x0a && !quoted) {
        parts.push(chunk.subarray(last, i), CRLF);
        last = i + 1;
      }
    }
    if (last === 0) return chunk;
    parts.push(chunk.subarray(last));
    return Buffer.concat(parts);
  };
}

async function* copyCsv(pool: pg.Pool, sql: string): AsyncGenerator<Buffer> {
  const client = await pool.connect();
  let finished = false;
  try {
    const toCrlf = crlfRecords();
    const stream = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
    // for await pulls one chunk at a time: pg-copy-streams reads the socket only when asked (backpressure).
    for await (const chunk of stream as AsyncIterable<Buffer>) yield toCrlf(chunk);
    finished = true;
  } finally {
    client.release(finished ? undefined : true);
  }
}

/** The CSV file of `kind` for the filter, as chunks of text or bytes. */
export async function* csvChunks(kind: CsvKind, params: CsvParams, opts: CsvStreamOptions): AsyncGenerator<string | Buffer> {
  if (params.bom) yield UTF8_BOM;
  const { pool } = opts;
  switch (kind) {
    case "issuers":
      yield* recordsCsv(kind, pool, issuersQuery(params), (r) => {
        const issuer = issuerFromRow(r);
        return issuerRecord(issuer, opts.issuerComputed?.get(issuer.slug) ?? null, exportMetaFromRow(r));
      });
      return;
    case "reports":
      yield* recordsCsv(kind, pool, reportsQuery(params, { withComposition: false }), (r) =>
        reportRecord(reportFromCsvRow(r), exportMetaFromRow(r)),
      );
      return;
    case "compositionWide":
      yield* recordsCsv(kind, pool, reportsQuery(params, { withComposition: true }), (r) =>
        compositionWideRecord(reportFromCsvRow(r), exportMetaFromRow(r)),
      );
      return;
    case "stressEvents":
      yield* recordsCsv(kind, pool, stressEventsQuery(params), (r) => stressEventRecord(stressEventFromRow(r), exportMetaFromRow(r)));
      return;
    case "composition":
      yield* copyCsv(pool, compositionCopySql(params, pg.escapeLiteral));
      return;
    case "liveReadings":
      yield* copyCsv(pool, liveReadingsCopySql(params, pg.escapeLiteral));
      return;
  }
}

/** An async iterator as a web stream: pulled on demand, and cancelling it ends the query. */
export function toWebStream(chunks: AsyncGenerator<string | Buffer>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else
          controller.enqueue(
            typeof value === "string" ? encoder.encode(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
          );
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
