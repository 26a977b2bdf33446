// Runs a CSV export the way the /data/<file> route does, without a Next runtime.
import { parse } from "csv-parse/sync";
import type pg from "pg";

import type { CsvParams } from "@/lib/domain/api/params";
import type { CsvKind } from "@/lib/domain/csv/columns";
import type { IssuerComputed } from "@/lib/domain/csv/records";
import { csvChunks } from "@/lib/server/csv/stream";

export async function exportCsv(
  pool: pg.Pool,
  kind: CsvKind,
  filter: Partial<CsvParams> = {},
  issuerComputed?: ReadonlyMap<string, IssuerComputed>,
): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of csvChunks(kind, { issuer: [], bom: false, ...filter }, { pool, issuerComputed })) {
    parts.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
  }
  return Buffer.concat(parts).toString("utf8");
}

export function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

export function csvHeader(text: string): string[] {
  return (parse(text, { to_line: 1 }) as string[][])[0] ?? [];
}
