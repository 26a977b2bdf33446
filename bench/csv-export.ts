// CSV export throughput and memory: composition.csv for N composition lines
// (default 1,000,000) through our export, beside psql's \copy of the same query,
// in the same run on a scratch database of the machine's PostgreSQL.
//   node --conditions=react-server --import tsx bench/csv-export.ts [rows=1000000] [postgres URL]
// Prints rows/s, MB/s and peak RSS for each, the ratio, and the export's peak RSS
// at a tenth of the rows (flat memory means about the same figure).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";

import { compositionCopySql } from "@/lib/server/queries/csv-export";

import { migrate } from "../scripts/lib/database";
import { projectDir } from "../scripts/lib/project";

const rows = Number(process.argv[2] ?? 1_000_000);
const serverUrl = process.argv[3] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ISSUERS = 100;
const LINES_PER_REPORT = 60; // 12 categories × 5 custodians
const RUNS = 3;

const withDb = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function fill(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const reports = Math.ceil(rows / LINES_PER_REPORT);
  try {
    await c.query(`INSERT INTO issuer (id, slug, name, backing_model, declared_cadence, updated_at)
      SELECT 'i' || g, 'bench-issuer-' || g, 'Bench issuer ' || g, 'fiat_reserve', 'monthly', now() FROM generate_series(0, ${ISSUERS - 1}) g`);
    await c.query(`INSERT INTO attestation (id, issuer_id, as_of, report_type, state, source_url, total_reserves, reserves_precision, updated_at)
      SELECT 'a' || g, 'i' || (g % ${ISSUERS}), date '1990-01-01' + (g / ${ISSUERS}), 'attestation', 'published',
        'https://example.org/bench/report/' || g, 1000000000 + g, 'exact', now() FROM generate_series(0, ${reports - 1}) g`);
    await c.query(`INSERT INTO composition_line (id, attestation_id, category, custodian, amount_usd, amount_precision, share_pct, maturity, source_url)
      SELECT 'l' || n, 'a' || (n / ${LINES_PER_REPORT}), (enum_range(NULL::"ReserveCategory"))[1 + n % 12], 'Custodian bank ' || ((n / 12) % 5),
        (n % 997) * 1000003.25, 'exact', round(((n % 997) / 10.0)::numeric, 4), CASE WHEN n % 3 = 0 THEN 'up to 90 days' END,
        'https://example.org/bench/line/' || n FROM generate_series(0, ${rows - 1}) n`);
    await c.query("ANALYZE");
  } finally {
    await c.end();
  }
}

interface Run {
  seconds: number;
  bytes: number;
  lines: number;
  peakRssMb: number;
}

/** Runs a command, counting what it writes; `/usr/bin/time -f %M` gives its peak RSS in KB on the last stderr line. */
function measure(cmd: string, args: string[], childReportsTime: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("/usr/bin/time", ["-f", "%M", cmd, ...args], { cwd: projectDir, stdio: ["ignore", "pipe", "pipe"] });
    let bytes = 0;
    let lines = 0;
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => {
      bytes += b.length;
      for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const wall = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${cmd} exited ${code}: ${stderr}`));
      const out = stderr.trim().split("\n");
      const rssKb = Number(out.at(-1));
      const own = childReportsTime ? (JSON.parse(out.find((l) => l.startsWith("{")) ?? "{}") as { ms?: number }) : {};
      resolve({ seconds: own.ms !== undefined ? own.ms / 1000 : wall, bytes, lines, peakRssMb: rssKb / 1024 });
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function summary(runs: Run[]) {
  const s = median(runs.map((r) => r.seconds));
  const r = runs[0]!;
  return {
    seconds: s,
    rowsPerS: (r.lines - 1) / s,
    mbPerS: r.bytes / 1e6 / s,
    peakRssMb: Math.max(...runs.map((x) => x.peakRssMb)),
    rows: r.lines - 1,
    mb: r.bytes / 1e6,
  };
}

async function main() {
  const name = `usd1_bench_${randomBytes(4).toString("hex")}`;
  const url = withDb(serverUrl, name);
  await admin(`CREATE DATABASE "${name}"`);
  try {
    process.stdout.write(`scratch database ${name}: migrating and loading ${rows.toLocaleString("en")} composition lines… `);
    migrate(projectDir, url);
    const t = performance.now();
    await fill(url);
    process.stdout.write(`${((performance.now() - t) / 1000).toFixed(1)} s\n`);

    const filter = { issuer: [], bom: false };
    const sql = compositionCopySql(filter, pg.escapeLiteral).replace(/\s+/g, " ");
    const child = path.join("bench", "csv", "export-child.ts");
    const ours = (issuers = "") =>
      measure(process.execPath, ["--conditions=react-server", "--import", "tsx", child, url, "composition", issuers], true);
    const psql = () => measure("psql", [url, "-X", "-q", "-c", `\\copy (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`], false);

    const oursRuns: Run[] = [];
    const psqlRuns: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      psqlRuns.push(await psql());
      oursRuns.push(await ours());
    }
    const tenth = Array.from({ length: ISSUERS / 10 }, (_, i) => `bench-issuer-${i}`).join(",");
    const small = summary([await ours(tenth)]);
    const o = summary(oursRuns);
    const p = summary(psqlRuns);
    if (o.rows !== rows || p.rows !== rows) throw new Error(`row counts differ: ours ${o.rows}, psql ${p.rows}, expected ${rows}`);
    const line = (label: string, x: ReturnType<typeof summary>) =>
      `${label.padEnd(34)} ${x.rows.toLocaleString("en").padStart(10)} rows ${x.mb.toFixed(1).padStart(7)} MB ${x.seconds.toFixed(2).padStart(6)} s ${Math.round(x.rowsPerS).toLocaleString("en").padStart(10)} rows/s ${x.mbPerS.toFixed(1).padStart(6)} MB/s  peak RSS ${x.peakRssMb.toFixed(0).padStart(4)} MB`;
    console.log(`median of ${RUNS} runs each, composition.csv, no filter:`);
    console.log(line("our export (COPY → CRLF → stream)", o));
    console.log(line("psql \\copy, same query", p));
    console.log(`throughput ratio ours / psql: ${(o.rowsPerS / p.rowsPerS).toFixed(2)}x (target ≥ 0.5x)`);
    console.log(line("our export, a tenth of the rows", small));
    console.log(
      `peak RSS at ${small.rows.toLocaleString("en")} rows vs ${o.rows.toLocaleString("en")} rows: ${small.peakRssMb.toFixed(0)} MB vs ${o.peakRssMb.toFixed(0)} MB (flat memory: about equal)`,
    );
    console.log(
      "(our time is the export itself, measured inside its process; node and tsx start-up, about 1 s, is left out. psql's is wall time including its start-up of a few ms.)",
    );
  } finally {
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
