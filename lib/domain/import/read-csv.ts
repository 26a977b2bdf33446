// CSV text → rows keyed by header, with the line each row starts on, so an
// import problem can name the line a reader finds in an editor even when
// earlier cells hold line breaks (csv-parse's own line counter counts CR and LF
// inside quoted cells separately, so it is not used).
import { parse } from "csv-parse/sync";

import type { CsvRow } from "./public-pack";

export interface ParsedCsv {
  headers: string[];
  rows: CsvRow[];
  /** 1-based line on which each row starts (the header is line 1). */
  lines: number[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

function countLineFeeds(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a, from); i !== -1 && i < to; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * A file must be UTF-8: a spreadsheet's Latin-1 or Windows-1252 export would
 * otherwise be read with replacement characters ("S\uFFFDo Paulo") and published
 * silently. Returns the line of the first byte that is not UTF-8, or null.
 */
export function firstNonUtf8Line(buf: Buffer): number | null {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf);
    return null;
  } catch {
    // Find the offending byte: decode growing prefixes line by line.
    let start = 0;
    let line = 1;
    const decoder = new TextDecoder("utf-8", { fatal: true });
    while (start < buf.length) {
      const end = buf.indexOf(0x0a, start);
      const stop = end === -1 ? buf.length : end;
      try {
        decoder.decode(buf.subarray(start, stop));
      } catch {
        return line;
      }
      start = stop + 1;
      line++;
    }
    return line;
  }
}

/** What a syntax error most likely means, for a person who saved the file from a spreadsheet. */
function hint(headerLine: string, message: string): string {
  if (!headerLine.includes(",") && headerLine.includes(";"))
    return "the file seems saved with ';' as the separator: save it as comma-separated CSV (CSV UTF-8)";
  if (!headerLine.includes(",") && headerLine.includes("\t"))
    return "the file seems saved with tabs as the separator: save it as comma-separated CSV (CSV UTF-8)";
  if (/quote/i.test(message)) return 'a quote inside a cell must be doubled (""), and a cell with commas or line breaks must be quoted';
  if (/column|record length|fields/i.test(message))
    return "a row has more or fewer cells than the header: check for a stray comma or an unquoted cell";
  return "check the row against the header";
}

export function parseCsv(input: Buffer | string): ParsedCsv {
  const buf = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const badLine = firstNonUtf8Line(buf);
  if (badLine !== null) {
    throw new CsvSyntaxError(
      badLine,
      'the file is not UTF-8 text (saved as Latin-1 or Windows-1252?): save it again as "CSV UTF-8" and import that; nothing was read',
    );
  }
  const firstLine = buf.subarray(0, buf.indexOf(0x0a) === -1 ? buf.length : buf.indexOf(0x0a)).toString("utf8");
  if (!firstLine.includes(",") && /[;\t]/.test(firstLine)) throw new CsvSyntaxError(1, `the header has no comma (${hint(firstLine, "")})`);
  let headers: string[] = [];
  let parsed: { record: CsvRow; info: { bytes: number } }[];
  try {
    parsed = parse(buf, {
      columns: (h: string[]) => (headers = h.map((x) => x.trim())),
      bom: true,
      skip_empty_lines: true,
      info: true,
    }) as { record: CsvRow; info: { bytes: number } }[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    const headerLine = buf.subarray(0, buf.indexOf(0x0a) === -1 ? buf.length : buf.indexOf(0x0a)).toString("utf8");
    const message = e.message ?? String(err);
    throw new CsvSyntaxError(e.lines ?? 0, `${message} (${hint(headerLine, message)})`);
  }
  const lines: number[] = [];
  // Each record starts after the previous one ends (info.bytes), past any line ends left over.
  let offset = buf.indexOf(0x0a) + 1;
  let line = 2;
  for (const { info } of parsed) {
    let start = offset;
    while (start < buf.length && (buf[start] === 0x0a || buf[start] === 0x0d)) start++;
    line += countLineFeeds(buf, offset, start);
    lines.push(line);
    line += countLineFeeds(buf, start, info.bytes);
    offset = info.bytes;
  }
  return { headers, rows: parsed.map((p) => p.record), lines };
}
