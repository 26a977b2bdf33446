// Time and peak memory of a 10,000-row bulk import (reports + 20,000 composition
// lines) into a scratch database on the machine's PostgreSQL (or DATABASE_URL's server).
//   node --conditions=react-server --import tsx bench/import.ts [rows=10000]
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

import { importAttestations } from "@/lib/server/commands/import-attestations";

import { prismaFor } from "../scripts/lib/seed";
import { monthEnds, parseImportFiles, reportsCsv } from "../tests/support/import-csv";

const rows = Number(process.argv[2] ?? 10_000);
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const name = `usd1_bench_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    const migrate = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url.toString() },
    });
    if (migrate.status !== 0) throw new Error(migrate.stderr.toString());
    const prisma = prismaFor(url.toString());
    const issuerCount = Math.ceil(rows / 100);
    await prisma.issuer.createMany({
      data: Array.from({ length: issuerCount }, (_, i) => ({
        slug: `bench-${i}`,
        name: `Bench ${i}`,
        backingModel: "fiat_reserve" as const,
        declaredCadence: "monthly" as const,
      })),
    });
    const dates = monthEnds(100);
    const specs = Array.from({ length: rows }, (_, i) => ({ issuerSlug: `bench-${Math.floor(i / 100)}`, asOf: dates[i % 100]! }));
    const csv = reportsCsv(specs);
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const files = parseImportFiles(csv);
    const t1 = performance.now();
    const result = await importAttestations(prisma, files, { id: null, label: "bench", role: "editor" });
    const t2 = performance.now();
    clearInterval(sampler);
    if (!result.ok)
      throw new Error(
        `import refused: ${result.problems
          .slice(0, 3)
          .map((p) => p.message)
          .join("; ")}`,
      );
    console.log(
      `bulk import of ${rows} reports (${result.compositionLines} composition lines, ${(csv.reports.length + csv.composition.length) / 1e6} MB of CSV)`,
    );
    console.log(
      `  parse ${(t1 - t0).toFixed(0)} ms, validate + write ${(t2 - t1).toFixed(0)} ms, total ${(t2 - t0).toFixed(0)} ms (${((rows / (t2 - t0)) * 1000).toFixed(0)} reports/s)`,
    );
    console.log(`  peak RSS ${(peak / 1048576).toFixed(0)} MB (${((peak - rssBefore) / 1048576).toFixed(0)} MB above the start)`);
    await prisma.$disconnect();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

void main();
