// One CSV export, as the /data/<file> route runs it, written to stdout; its own
// timing and peak memory go to stderr as JSON. Run by bench/csv-export.ts in a
// process of its own so the memory figure is the export's alone.
import { once } from "node:events";
import pg from "pg";

import type { CsvKind } from "@/lib/domain/csv/columns";
import { csvChunks } from "@/lib/server/csv/stream";

async function main() {
  const [url, kind = "composition", issuers = ""] = process.argv.slice(2);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of csvChunks(kind as CsvKind, { issuer: issuers ? issuers.split(",") : [], bom: false }, { pool })) {
    bytes += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
  }
  const ms = performance.now() - started;
  await pool.end();
  process.stderr.write(`${JSON.stringify({ ms, bytes, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

void main();
