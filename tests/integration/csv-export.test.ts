import Decimal from "decimal.js";
import fc from "fast-check";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";

import { columnNames, CSV_KINDS } from "@/lib/domain/csv/columns";
import { neutralise, unneutralise } from "@/lib/domain/csv/neutralise";
import { formatAsOf } from "@/lib/domain/dates";
import { loadDataset } from "@/lib/server/commands/load-dataset";

import { csvHeader, csvRows, exportCsv } from "../support/csv";
import { richDataset } from "../support/datasets";
import { sql, testPrisma } from "../support/db";

// The read models run here without Next: their cache calls become no-ops, the queries are real.
vi.mock("next/cache", () => ({ cacheTag: () => {}, cacheLife: () => {} }));
process.env.DATABASE_URL = inject("databaseUrl");
const { loadIssuerModel } = await import("@/lib/server/queries/issuer-page");
const { issuerComputedBySlug } = await import("@/lib/server/queries/issuer-computed");

const prisma = testPrisma();
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(async () => {
  await prisma.$disconnect();
  await pool.end();
});

async function loadRich(opts?: Parameters<typeof richDataset>[0]) {
  const rich = richDataset(opts);
  const result = await loadDataset(prisma, rich.dataset, "test");
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return rich.slugs;
}

/** What the pages do, redone from CSV cells only: a line's share is amount / total × 100 to 10 decimals, else its stated share. */
function shareFromCells(line: Record<string, string>, totalReserves: string): string {
  if (line.amount_usd && new Decimal(totalReserves || 0).gt(0)) {
    return new Decimal(line.amount_usd).div(totalReserves).times(100).toDecimalPlaces(10).toFixed();
  }
  return new Decimal(line.share_pct!).toDecimalPlaces(10).toFixed();
}

describe("CSV exports", () => {
  let slugA: string;
  let slugB: string;
  beforeAll(async () => {
    [slugA, slugB] = await loadRich();
  });

  it("recompute, from an issuer's rows, exactly the coverage and composition shares its page shows", async () => {
    const page = (await loadIssuerModel(slugA))!;
    const reports = csvRows(await exportCsv(pool, "reports", { issuer: [slugA] }));
    const lines = csvRows(await exportCsv(pool, "composition", { issuer: [slugA] }));
    const wide = csvRows(await exportCsv(pool, "compositionWide", { issuer: [slugA] }));
    expect(reports).toHaveLength(page.rows.length);

    for (const { attestation: a, coverage } of page.rows) {
      const key = (r: Record<string, string>) => r.as_of === formatAsOf(a.asOf, a.asOfPrecision) && r.report_type === a.reportType;
      const row = reports.find(key)!;
      expect(row.computed_coverage_pct || null).toBe(coverage.coveragePct.value);
      expect(row.computed_coverage_bound).toBe(coverage.coveragePct.bound);
      if (coverage.coveragePct.value !== null) {
        const redone = new Decimal(row.total_reserves_usd!).div(row.tokens_outstanding_usd!).times(100).toDecimalPlaces(10).toFixed();
        expect(redone).toBe(coverage.coveragePct.value);
      }
    }

    expect(page.compositionOverTime.length).toBeGreaterThan(1);
    for (const shares of page.compositionOverTime) {
      const a = page.attestations.find((x) => x.id === shares.attestationId)!;
      const report = reports.find((r) => r.as_of === formatAsOf(a.asOf, a.asOfPrecision) && r.report_type === a.reportType)!;
      const own = lines.filter((l) => l.as_of === report.as_of && l.report_type === a.reportType);
      expect(own).toHaveLength(a.composition.length);
      for (const category of shares.categories) {
        const redone = own
          .filter((l) => l.category === category.category)
          .reduce((sum, l) => sum.plus(shareFromCells(l, report.total_reserves_usd!)), new Decimal(0))
          .toDecimalPlaces(10)
          .toFixed();
        expect(redone, `${a.asOf} ${category.category}`).toBe(category.sharePct.value);
        const wideRow = wide.find((w) => w.as_of === report.as_of && w.report_type === a.reportType)!;
        expect(wideRow[`computed_share_pct_${category.category}`]).toBe(category.sharePct.value);
      }
      // every line names its report's source, even lines without a page of their own
      for (const l of own) expect(l.report_source_url).toBe(a.sourceUrl ?? a.reportUrl);
    }
  });

  it("give issuers.csv the home table's computed figures", async () => {
    const computed = await issuerComputedBySlug();
    const issuers = csvRows(await exportCsv(pool, "issuers", { issuer: [slugA, slugB] }, computed));
    expect(issuers.map((r) => r.slug)).toEqual([slugA, slugB].sort());
    for (const row of issuers) {
      const home = computed.get(row.slug!)!;
      expect(row.computed_coverage_pct || null).toBe(home.coveragePct?.value ?? null);
      expect(row.computed_stress_event_count).toBe(String(home.stressEventCount));
    }
  });

  it("write the header row and the file's columns in the documented order, even when no row matches", async () => {
    for (const kind of CSV_KINDS) {
      const text = await exportCsv(pool, kind, { issuer: ["no-such-issuer-anywhere"] });
      expect(csvHeader(text)).toEqual(columnNames(kind));
      expect(text.endsWith("\r\n")).toBe(true);
      expect(csvRows(text)).toEqual([]);
    }
  });

  it("filter by issuer and by date range", async () => {
    const feb = csvRows(await exportCsv(pool, "reports", { issuer: [slugA], from: "2025-02-01" }));
    expect(feb.map((r) => r.as_of)).toEqual(["2025-02"]);
    const jan = csvRows(await exportCsv(pool, "composition", { issuer: [slugA], from: "2025-01-01", to: "2025-01-31" }));
    expect(new Set(jan.map((r) => r.as_of))).toEqual(new Set(["2025-01-31"]));
    const both = csvRows(await exportCsv(pool, "reports", { issuer: [slugA, slugB] }));
    expect(new Set(both.map((r) => r.issuer_slug))).toEqual(new Set([slugA, slugB]));
    const stress = csvRows(await exportCsv(pool, "stressEvents", { issuer: [slugA, slugB], to: "2025-03-10" }));
    expect(stress.map((r) => r.issuer_slug)).toEqual([slugA]); // the undated event falls outside any range
  });

  it("start with a byte-order mark only when asked", async () => {
    expect((await exportCsv(pool, "issuers", { issuer: [slugA], bom: true })).startsWith("\uFEFFslug,")).toBe(true);
    expect((await exportCsv(pool, "composition", { issuer: [slugA], bom: true })).startsWith("\uFEFFissuer_slug,")).toBe(true);
    expect((await exportCsv(pool, "issuers", { issuer: [slugA] })).startsWith("slug,")).toBe(true);
  });
});

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];
// Text columns set straight in the database, past the input schemas (which trim a leading tab):
// whatever got stored, no export may hand it to a spreadsheet as a formula.
const TEXT_COLUMNS: [table: string, column: string, key: string][] = [
  ["issuer", "name", "slug"],
  ["issuer", "legal_entity", "slug"],
  ["issuer", "source_url", "slug"],
  ["attestation", "firm", "issuer_id"],
  ["attestation", "notes", "issuer_id"],
  ["attestation", "source_url", "issuer_id"],
  ["composition_line", "maturity", "attestation_id"],
  ["composition_line", "source_url", "attestation_id"],
  ["stress_event", "summary", "issuer_id"],
  ["stress_event", "issuer_response", "issuer_id"],
  ["stress_source", "title", "stress_event_id"],
];

async function setEverywhere(slug: string, value: string) {
  const ids = `SELECT id FROM issuer WHERE slug = $2`;
  for (const [table, column, key] of TEXT_COLUMNS) {
    const scope =
      key === "slug"
        ? `slug = $2`
        : key === "issuer_id"
          ? `issuer_id IN (${ids})`
          : key === "attestation_id"
            ? `attestation_id IN (SELECT a.id FROM attestation a WHERE a.issuer_id IN (${ids}))`
            : `stress_event_id IN (SELECT e.id FROM stress_event e WHERE e.issuer_id IN (${ids}))`;
    await sql(`UPDATE ${table} SET ${column} = $1 WHERE ${scope}`, [value, slug]);
  }
}

describe("every CSV export", () => {
  it("neutralises cells a spreadsheet would run as formulas, reversibly", async () => {
    const text = fc
      .tuple(fc.constantFrom(...TRIGGERS), fc.constantFrom("", "'", "''"), fc.string({ unit: "grapheme", maxLength: 30 }))
      .map(([trigger, quotes, rest]) => `${quotes}${trigger}${rest}`.replace(/\0/g, ""))
      .map((s) => (s === "" ? "=" : s));
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        const [slug] = await loadRich();
        await setEverywhere(slug, value);
        let seen = 0;
        for (const kind of CSV_KINDS) {
          const rows = csvRows(await exportCsv(pool, kind, { issuer: [slug] }));
          for (const row of rows) {
            for (const [column, cell] of Object.entries(row)) {
              expect(/^[=+\-@\t\r]/.test(cell), `${kind}.${column}: ${JSON.stringify(cell)}`).toBe(false);
              if (cell === neutralise(value)) {
                seen++;
                expect(unneutralise(cell)).toBe(value);
              }
            }
          }
        }
        // name, firm, notes, summary, … each appear in at least one file
        expect(seen).toBeGreaterThanOrEqual(TEXT_COLUMNS.length);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe("CSV files state what they are", () => {
  it("names the methodology version and the data's as-of time in every file, and the time moves with a publish", async () => {
    const { METHODOLOGY_VERSION } = await import("@/lib/domain/metrics/versions");
    // live_readings.csv has rows only once something was read: one deployment and one reading of it.
    await sql(
      `INSERT INTO live_token_deployment (id, issuer_id, chain, address, decimals, symbol, compiled_from, updated_at)
       SELECT 'csv-dep', id, 'ethereum', '0x' || repeat('1', 40), 6, 'TST', 'test', now() FROM issuer ORDER BY slug LIMIT 1 ON CONFLICT DO NOTHING`,
    );
    await sql(
      `INSERT INTO live_reading (kind, issuer_id, target_id, metric, chain, block_number, amount, endpoint_id, response_sha256, read_at)
       SELECT 'supply', issuer_id, id, 'total_supply', 'ethereum', 1, 1000.5, 'rpc:ethereum', repeat('a', 64), now() FROM live_token_deployment WHERE id = 'csv-dep'`,
    );
    const before: Record<string, string> = {};
    for (const kind of CSV_KINDS) {
      const text = await exportCsv(pool, kind);
      const header = csvHeader(text);
      expect(header.slice(-2), kind).toEqual(["computed_methodology_version", "computed_data_as_of"]);
      const rows = csvRows(text);
      expect(rows.length, kind).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.computed_methodology_version, kind).toBe(METHODOLOGY_VERSION);
        expect(r.computed_data_as_of, kind).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
      before[kind] = rows[0]!.computed_data_as_of!;
    }
    // Every file reads the same moment (one definition, same data).
    expect(new Set(Object.values(before)).size).toBe(1);
    // A change to published data moves the stated time in every file (set one second past the latest change).
    const moved = await sql<{ t: string }>(
      `UPDATE issuer SET updated_at = date_trunc('second', (SELECT max(t) FROM (SELECT max(updated_at) AS t FROM attestation WHERE state <> 'draft'
         UNION ALL SELECT max(updated_at) FROM issuer UNION ALL SELECT max(updated_at) FROM stress_event) x)) + interval '1 second'
       WHERE slug = (SELECT slug FROM issuer ORDER BY slug LIMIT 1)
       RETURNING to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS t`,
    );
    for (const kind of CSV_KINDS) {
      const after = csvRows(await exportCsv(pool, kind))[0]!.computed_data_as_of!;
      expect(after, kind).toBe(moved.rows[0]!.t);
      expect(after > before[kind]!, `${kind}: ${after} after ${before[kind]}`).toBe(true);
    }
  });
});
