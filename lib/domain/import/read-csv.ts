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

export function parseCsv(input: Buffer | string): ParsedCsv {
  const buf = typeof input === "string" ? Buffer.from(input, "utf8") : input;
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
    throw new CsvSyntaxError(e.lines ?? 0, e.message ?? String(err));
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
