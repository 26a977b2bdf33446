// Server time of an uncached issuer page with 500 issuers and ten years of
// monthly reports loaded (60,000 reports, 300,000 composition lines): each
// sampled page's cache tag is expired, then the page is requested and timed.
// Then the comparison table (home) with all 500 issuers: size, uncached time, cached req/s.
//   node --conditions=react-server --import tsx bench/issuer-render.ts [samples=40] [issuer|home|both]
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { TAGS } from "@/lib/server/queries/tags";
import { RE_EXPIRE_MS } from "@/lib/server/replica";

import { migrate } from "../scripts/lib/database";
import { buildApp, root, startApp } from "./lib/app";

const samples = Number(process.argv[2] ?? 40);
/** Which measurements: "issuer", "home" or both (the default). */
const only = process.argv[3] ?? "both";
const ISSUERS = 500;
const MONTHS = 120;
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const CATS = ["cash_deposits", "tbills_93d", "repo_overnight", "gov_mmf", "commercial_paper_cds"];

/** Size (raw, gzip), rows and uncached server time of a comparison-table page: the "issuers" tag expired before each sample. */
async function uncachedTable(app: Awaited<ReturnType<typeof startApp>>, path: string, name: string, targets: string) {
  const times: number[] = [];
  let html: Buffer = Buffer.alloc(0);
  for (let s = 0; s < Math.min(samples, 20); s++) {
    const sample = await uncachedRender(app, TAGS.issuers, path);
    times.push(sample.ms);
    html = sample.body;
  }
  const q = quantiles(times);
  const rows = html.toString("utf8").split('data-testid="issuer-row"').length - 1;
  console.log(
    `${name} (${ISSUERS} issuers, ${rows} rows in the table): ${(html.length / 1024).toFixed(1)} KB of HTML, ${(gzipSync(html).length / 1024).toFixed(1)} KB gzip; uncached, ${times.length} samples: p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${q(1)} ms${targets}`,
  );
}

/**
 * The comparison table: the home page (its first rows, linking to the full table) and the full
 * table (/en/issuers), each's size and uncached server time; then, cached, the home's requests/s
 * beside the minimal page's (/en/about) at 50 connections, alternating.
 */
async function comparisonTable(app: Awaited<ReturnType<typeof startApp>>) {
  await uncachedTable(app, "/en", "home", " (targets: at most 60 KB gzip, under 150 ms)");
  await uncachedTable(app, "/en/issuers", "full table", " (no target: the page a reader opens to sort or filter every issuer)");
  const headers = { accept: "text/html", "accept-encoding": "gzip, deflate, br" };
  await (await fetch(`${app.url}/en`, { headers })).arrayBuffer();
  await (await fetch(`${app.url}/en/about`, { headers })).arrayBuffer();
  const rps = { home: [] as number[], about: [] as number[] };
  for (let round = 0; round < 2; round++) {
    for (const [name, path] of [
      ["about", "/en/about"],
      ["home", "/en"],
    ] as const) {
      const r = await autocannon({ url: app.url + path, connections: 50, duration: 5, headers });
      if (r.errors + r.non2xx + r.timeouts) throw new Error(`${path}: ${r.errors + r.non2xx + r.timeouts} errors under load`);
      rps[name].push(r.requests.average);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `cached, 50 connections, 2 alternating rounds of 5 s: home ${mean(rps.home).toFixed(0)} req/s, minimal page ${mean(rps.about).toFixed(0)} req/s: ${(mean(rps.home) / mean(rps.about)).toFixed(2)}x (target: at least 0.8x)`,
  );
}

/** Milliseconds to fetch `path` right after its tag was expired (a render, never a cache hit), and the page. */
async function uncachedRender(app: Awaited<ReturnType<typeof startApp>>, tag: string, path: string): Promise<{ ms: number; body: Buffer }> {
  const exp = await fetch(`${app.url}/api/internal/revalidate?tag=${encodeURIComponent(tag)}`, {
    method: "POST",
    headers: { authorization: `Bearer ${app.revalidateToken}` },
  });
  if (!exp.ok) throw new Error(`revalidate answered ${exp.status}`);
  const t = performance.now();
  const res = await fetch(`${app.url}${path}`, { headers: { accept: "text/html" } });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  if (res.headers.get("x-nextjs-cache") === "HIT") throw new Error(`${path} served from cache: the measurement would be meaningless`);
  return { ms, body };
}

/** Sorted samples → a quantile as text (0: min, 1: max). */
function quantiles(samples: number[]): (p: number) => string {
  const sorted = [...samples].sort((a, b) => a - b);
  return (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
}

async function copy(client: pg.Client, sql: string, rows: Iterable<string>) {
  await pipeline(Readable.from(rows), client.query(copyFrom(sql)));
}

function* issuerRows() {
  for (let i = 0; i < ISSUERS; i++) yield `iss${i}\tbench-issuer-${i}\tBench issuer ${i}\tfiat_reserve\tmonthly\tt\tnow()\n`;
}
function monthEnd(m: number) {
  return new Date(Date.UTC(2016, m + 1, 0)).toISOString().slice(0, 10);
}
function* reportRows() {
  for (let i = 0; i < ISSUERS; i++)
    for (let m = 0; m < MONTHS; m++) {
      const asOf = monthEnd(m);
      const published = new Date(Date.parse(asOf) + (15 + ((i + m) % 30)) * 86_400_000).toISOString().slice(0, 10);
      const tokens = 1_000_000_000 + i * 1_000_000 + m * 10_000_000;
      yield `a${i}_${m}\tiss${i}\t${asOf}\t${published}\tattestation\t${tokens}\texact\t${Math.round(tokens * 1.01)}\texact\thttps://example.org/${i}/${asOf}.pdf\tpublished\tnow()\n`;
    }
}
function* lineRows() {
  for (let i = 0; i < ISSUERS; i++)
    for (let m = 0; m < MONTHS; m++) {
      const total = Math.round((1_000_000_000 + i * 1_000_000 + m * 10_000_000) * 1.01);
      const shares = [0.2, 0.5, 0.15, 0.1, 0.05];
      let left = total;
      for (let c = 0; c < CATS.length; c++) {
        const amount = c === CATS.length - 1 ? left : Math.round(total * shares[c]!);
        left -= amount;
        yield `l${i}_${m}_${c}\ta${i}_${m}\t${CATS[c]}\t${amount}\texact\t\n`;
      }
    }
}

async function main() {
  buildApp();
  // BENCH_KEEP_DATABASE=name keeps the generated database for the next run (loaded once, never dropped): for profiling.
  const kept = process.env.BENCH_KEEP_DATABASE;
  const name = kept ?? `usd1_bench_render_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    if (!exists) await load(url.toString());
    const app = await startApp({ port: 3430, name: "bench-render", fresh: false, env: { DATABASE_URL: url.toString() } });
    try {
      if (only !== "home") {
        // Interleaved with a baseline from the same run: the stress list, which this dataset leaves empty, has the
        // same layout and one small cache entry, so its uncached time is what any uncached page costs here.
        const times: number[] = [];
        const floor: number[] = [];
        for (let s = 0; s < samples; s++) {
          const slug = `bench-issuer-${(s * 97) % ISSUERS}`;
          floor.push((await uncachedRender(app, TAGS.stressEvents, "/en/stress")).ms);
          times.push((await uncachedRender(app, TAGS.issuer(slug), `/en/issuers/${slug}`)).ms);
        }
        const q = quantiles(times);
        const f = quantiles(floor);
        console.log(
          `uncached issuer page (120 reports, 600 lines, 4 charts), ${samples} samples: p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, max ${q(1)} ms (target: under 30 ms)`,
        );
        console.log(
          `uncached baseline, the empty stress list (same layout, one small cache entry), interleaved: p50 ${f(0.5)} ms, p90 ${f(0.9)} ms, min ${f(0)} ms`,
        );
        // Every expiry is repeated RE_EXPIRE_MS after it (lib/server/replica.ts): wait that out, render once, then time hits.
        await new Promise((r) => setTimeout(r, RE_EXPIRE_MS + 1_000));
        const page = `${app.url}/en/issuers/bench-issuer-0`;
        await (await fetch(page)).arrayBuffer();
        const cached: number[] = [];
        for (let s = 0; s < 10; s++) {
          const t = performance.now();
          await (await fetch(page)).arrayBuffer();
          cached.push(performance.now() - t);
        }
        cached.sort((a, b) => a - b);
        console.log(`the same page from cache, 10 requests: median ${cached[5]!.toFixed(1)} ms`);
      }
      if (only !== "issuer") await comparisonTable(app);
    } finally {
      await app.stop();
    }
  } finally {
    if (!kept) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

async function load(url: string) {
  migrate(root, url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  await copy(c, `COPY issuer (id, slug, name, backing_model, declared_cadence, is_demo, updated_at) FROM STDIN`, issuerRows());
  await copy(
    c,
    `COPY attestation (id, issuer_id, as_of, published_on, report_type, tokens_outstanding, tokens_precision, total_reserves, reserves_precision, source_url, state, updated_at) FROM STDIN`,
    reportRows(),
  );
  await copy(c, `COPY composition_line (id, attestation_id, category, amount_usd, amount_precision, custodian) FROM STDIN`, lineRows());
  await c.query("ANALYZE");
  await c.end();
  console.log(
    `loaded ${ISSUERS} issuers, ${ISSUERS * MONTHS} reports, ${ISSUERS * MONTHS * CATS.length} composition lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

void main();
