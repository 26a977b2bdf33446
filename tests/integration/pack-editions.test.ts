// A running deployment holds the first edition of the public-reports pack and
// takes the second through the re-import. What must change is worked out here
// from the two packs' CSV files alone (a cell-by-cell diff written for this
// test), and compared with what the audit log says the re-import did.
import path from "node:path";
import { describe, expect, it } from "vitest";

import { packToDataset, type CsvRow, type PackFiles } from "@/lib/domain/import/public-pack";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { reimportDataset } from "@/lib/server/commands/reimport-dataset";

import { prismaFor, readPack } from "../../scripts/lib/seed";
import { withFreshDatabase } from "../support/db";

const FIRST_EDITION = path.resolve(__dirname, "..", "fixtures", "public-reports-first-edition");

type File = "issuers" | "reports" | "composition" | "stressEvents";
const KEYS: Record<File, string[]> = {
  issuers: ["slug"],
  reports: ["issuer_slug", "as_of"],
  composition: ["issuer_slug", "as_of", "category"],
  stressEvents: ["issuer_slug", "start_date", "kind"],
};
const keyOf = (file: File, row: CsvRow) => KEYS[file].map((k) => row[k] ?? "").join("|");

/** The pack diff: changed cells "file|key|column", and the keys of added rows, per file. */
function packDiff(older: PackFiles, newer: PackFiles) {
  const changed = new Set<string>();
  const added: Record<File, string[]> = { issuers: [], reports: [], composition: [], stressEvents: [] };
  for (const file of Object.keys(KEYS) as File[]) {
    const before = new Map(older[file].map((r) => [keyOf(file, r), r]));
    for (const row of newer[file]) {
      const key = keyOf(file, row);
      const old = before.get(key);
      if (!old) {
        added[file].push(key);
        continue;
      }
      for (const column of Object.keys(row)) if ((old[column] ?? "") !== (row[column] ?? "")) changed.add(`${file}|${key}|${column}`);
    }
  }
  // A line added to a report that already existed is a change of that report (its filled cells), not a new report.
  const oldReports = new Set(older.reports.map((r) => keyOf("reports", r)));
  const newer_ = new Map(newer.composition.map((r) => [keyOf("composition", r), r]));
  for (const key of added.composition) {
    const row = newer_.get(key)!;
    if (!oldReports.has(keyOf("reports", row))) continue;
    for (const [column, value] of Object.entries(row))
      if (value && !KEYS.composition.slice(0, 2).includes(column)) changed.add(`composition|${key}|${column}`);
  }
  return { changed, added };
}

/** Leaves of a JSON value: "a.b", "composition[2].amountUsd.value" → value. */
function leaves(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) leaves(v, Array.isArray(value) ? `${prefix}[${k}]` : prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value === "" || value === undefined ? null : value);
  return out;
}

// Input-shape fields → the pack's columns (the pack's README documents both).
const REPORT_COLUMNS: Record<string, string> = {
  publishedOn: "published",
  reportType: "report_type",
  assurance: "assurance",
  firm: "firm",
  scope: "scope",
  "tokensOutstanding.value": "tokens_outstanding_usd",
  "tokensOutstanding.precision": "tokens_precision",
  "totalReserves.value": "total_reserves_usd",
  "totalReserves.precision": "reserves_precision",
  sourceUrl: "source_url",
  sourceKind: "source_kind",
  reportUrl: "primary_report_url",
  notes: "note",
};
const LINE_COLUMNS: Record<string, string> = {
  category: "category",
  "amountUsd.value": "amount_usd",
  "amountUsd.precision": "amount_precision",
  sharePct: "share_pct",
  sourceUrl: "source_url",
};

/** A report's audit entry (before and after in the input shape) → the pack cells it changed. */
function cellsOfReportCorrection(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const slug = String(after.issuerSlug);
  const asOf = String(after.asOf);
  const byLine = (r: Record<string, unknown>) =>
    new Map(((r.composition as Record<string, unknown>[]) ?? []).map((l) => [String(l.category), leaves(l)]));
  const cells: string[] = [];
  const b = leaves({ ...before, composition: null });
  const a = leaves({ ...after, composition: null });
  for (const field of new Set([...b.keys(), ...a.keys()])) {
    if (JSON.stringify(b.get(field) ?? null) !== JSON.stringify(a.get(field) ?? null))
      cells.push(`reports|${slug}|${asOf}|${REPORT_COLUMNS[field] ?? `?${field}`}`);
  }
  const bl = byLine(before);
  const al = byLine(after);
  for (const category of new Set([...bl.keys(), ...al.keys()])) {
    const x = bl.get(category) ?? new Map();
    const y = al.get(category) ?? new Map();
    for (const field of new Set([...x.keys(), ...y.keys()])) {
      if (JSON.stringify(x.get(field) ?? null) !== JSON.stringify(y.get(field) ?? null))
        cells.push(`composition|${slug}|${asOf}|${category}|${LINE_COLUMNS[field] ?? `?${field}`}`);
    }
  }
  return cells;
}

describe("re-importing the second edition over the first", () => {
  it("records exactly the pack's changed cells as corrections and its new rows as additions; a second re-import changes nothing", async () => {
    const first = readPack(FIRST_EDITION);
    const second = readPack();
    const diff = packDiff(first, second);
    // The diff itself, as the second edition's README describes it: holes filled, new rows, nothing removed.
    expect(diff.changed.size).toBeGreaterThan(0);
    expect(diff.added.issuers.sort()).toEqual(["aave-gho", "ethena-usde", "falcon-usdf", "liquity-lusd"]);

    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        const loaded = await loadDataset(prisma, packToDataset(first).dataset, "system: public-reports pack loader");
        expect(loaded).toEqual({ ok: true, issuers: 14, attestations: 47, stressEvents: 34 });
        const mark = (await prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id!;

        const result = await reimportDataset(prisma, packToDataset(second).dataset, "system: public-reports pack re-import");
        expect(result.ok).toBe(true);
        const entries = await prisma.auditEntry.findMany({ where: { id: { gt: mark } }, orderBy: { id: "asc" } });

        // Corrections: every changed cell of the diff, and nothing else.
        const corrections = entries.filter((e) => e.action === "correct");
        const corrected = corrections.flatMap((e) =>
          cellsOfReportCorrection(e.before as Record<string, unknown>, e.after as Record<string, unknown>),
        );
        const issuerUpdates = entries.filter((e) => e.action === "update" && e.entityType === "issuer");
        const eventUpdates = entries.filter((e) => e.action === "update" && e.entityType === "stress_event");
        const expectedReportCells = [...diff.changed].filter((c) => c.startsWith("reports|") || c.startsWith("composition|")).sort();
        expect(corrected.sort()).toEqual(expectedReportCells);
        expect(new Set(corrected).size).toBe(corrected.length);
        // The second edition changes no existing issuer or stress event cell, and the re-import says so.
        expect([...diff.changed].filter((c) => c.startsWith("issuers|") || c.startsWith("stressEvents|"))).toEqual([]);
        expect(issuerUpdates).toEqual([]);
        expect(eventUpdates).toEqual([]);
        // One correction per changed report, each naming the edition; the earlier values kept as a revision.
        const changedReports = new Set(expectedReportCells.map((c) => c.split("|").slice(1, 3).join("|")));
        expect(corrections).toHaveLength(changedReports.size);
        for (const c of corrections) {
          expect(c.reason).toContain("second edition (compiled 2026-12)");
          expect(await prisma.attestationRevision.count({ where: { attestationId: c.entityId } })).toBe(1);
        }

        // Additions: every new row, as a publication or a creation.
        const newReports = diff.added.reports;
        expect(
          entries
            .filter((e) => e.action === "publish")
            .map((e) => `${(e.after as { issuerSlug: string }).issuerSlug}|${(e.after as { asOf: string }).asOf}`)
            .sort(),
        ).toEqual(newReports.sort());
        expect(
          entries
            .filter((e) => e.action === "create" && e.entityType === "issuer")
            .map((e) => (e.after as { slug: string }).slug)
            .sort(),
        ).toEqual(diff.added.issuers.sort());
        expect(entries.filter((e) => e.action === "create" && e.entityType === "stress_event")).toHaveLength(
          diff.added.stressEvents.length,
        );
        expect(entries).toHaveLength(corrections.length + newReports.length + diff.added.issuers.length + diff.added.stressEvents.length);

        // The database now holds exactly the second edition.
        expect(await prisma.attestation.count()).toBe(second.reports.length);
        expect(await prisma.compositionLine.count()).toBe(second.composition.length);
        expect(await prisma.stressEvent.count()).toBe(second.stressEvents.length);
        expect(await prisma.issuer.count()).toBe(second.issuers.length);
        const loads = await prisma.datasetLoad.findMany({ orderBy: { id: "asc" } });
        expect(loads.map((l) => [l.kind, l.edition, l.compiled])).toEqual([
          ["load", "first", "2026-11"],
          ["reimport", "second", "2026-12"],
        ]);

        // Again: nothing changes, nothing is written to the audit log.
        const mark2 = (await prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id!;
        const again = await reimportDataset(prisma, packToDataset(readPack()).dataset, "system: public-reports pack re-import");
        expect(again.ok && again.summary).toMatchObject({
          issuers: { added: [], updated: [], unchanged: 18 },
          reports: { added: [], corrected: [], unchanged: 57 },
          stressEvents: { added: 0, updated: 0, unchanged: 39 },
          changedCells: {},
        });
        expect(await prisma.auditEntry.count({ where: { id: { gt: mark2 } } })).toBe(0);
      } finally {
        await prisma.$disconnect();
      }
    });
  });
});
