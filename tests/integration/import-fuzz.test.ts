import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { afterAll, describe, expect, it } from "vitest";
import { attestationEditorInput } from "@/lib/domain/schemas/attestation-editor";
import { attestationInput } from "@/lib/domain/schemas/attestation";
import { parseCsv, CsvSyntaxError } from "@/lib/domain/import/read-csv";
import { importAttestations } from "@/lib/server/commands/import-attestations";
import { makeIssuer, testPrisma } from "../support/db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const HEADER = ["issuer_slug", "as_of", "published", "report_type", "scope", "tokens_outstanding_usd", "tokens_precision", "total_reserves_usd", "reserves_precision", "source_url", "source_kind", "note"];

// Cells from every family that breaks importers: numbers with separators and signs, dates
// that do not exist, formulas, HTML, quotes, line breaks, long strings, unicode.
const cellArb = fc.oneof(
  fc.constantFrom("", " ", "0", "-1", "1e9", "12,5", "1.234.567", "99999999999999999999999", "NaN", "2025-02-30", "2025-13", "2025-06", "2025-06-30",
    "exact", "rounded", "lower_bound", "attestation", "audit", "=SUM(A1)", "+1", "@x", "<script>alert(1)</script>", '"', "\r\n", "https://example.org/r.pdf", "javascript:alert(1)"),
  fc.string({ maxLength: 40 }),
  fc.integer({ min: -1e6, max: 1e12 }).map(String),
);

describe("fuzzing the CSV importer and the attestation validator", () => {
  it("the importer never crashes, never writes part of a file, and every refusal says where and why", async () => {
    const issuer = await makeIssuer(prisma);
    const rowArb = fc.tuple(fc.constantFrom(issuer.slug, "unknown-issuer", ""), ...HEADER.slice(1).map(() => cellArb));
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 8 }), async (rows) => {
        const before = await prisma.attestation.count({ where: { issuerId: issuer.id } });
        let parsed;
        try {
          parsed = parseCsv(stringify([HEADER, ...rows]));
        } catch (err) {
          expect(err).toBeInstanceOf(CsvSyntaxError);
          return;
        }
        const result = await importAttestations(
          prisma,
          { reports: parsed.rows, composition: [], lines: { reports: parsed.lines, composition: [] }, headers: { reports: parsed.headers } },
          { id: null, label: "fuzz", role: "editor" },
          { dryRun: true },
        );
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) {
            expect(p.message.trim().length).toBeGreaterThan(0);
            expect(p.line).toBeGreaterThan(1);
            expect(p.column.length).toBeGreaterThan(0);
          }
        }
        // a dry run writes nothing, whatever it found
        expect(await prisma.attestation.count({ where: { issuerId: issuer.id } })).toBe(before);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it("a refused import writes nothing: valid rows beside one bad row are not kept", async () => {
    const issuer = await makeIssuer(prisma);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), cellArb, async (good, badTotal) => {
        // any total the schema refuses (an empty cell is no figure at all, so it is not "bad")
        fc.pre(badTotal.trim() !== "" && !/^\d+(\.\d{1,2})?$/.test(badTotal.trim()));
        const rows = Array.from({ length: good }, (_, i) => [issuer.slug, `2031-0${i + 1}-15`, "", "attestation", "reserves_and_tokens", "1000", "exact", "1000", "exact", "https://example.org/r.pdf", "primary", ""]);
        rows.push([issuer.slug, "2031-09-15", "", "attestation", "reserves_and_tokens", "1000", "exact", badTotal, "exact", "https://example.org/r.pdf", "primary", ""]);
        const parsed = parseCsv(stringify([HEADER, ...rows]));
        const result = await importAttestations(prisma, { reports: parsed.rows, composition: [], lines: { reports: parsed.lines, composition: [] }, headers: { reports: parsed.headers } }, { id: null, label: "fuzz", role: "editor" });
        expect(result.ok).toBe(false);
        expect(await prisma.attestation.count({ where: { issuerId: issuer.id } })).toBe(0);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("the attestation validators answer every input with data or field messages, never a crash", () => {
    const anything = fc.anything({ maxDepth: 3 });
    const shaped = fc.record({
      issuerSlug: fc.oneof(fc.string(), fc.constant("x-issuer")),
      asOf: cellArb,
      publishedOn: cellArb,
      reportType: cellArb,
      tokensOutstanding: fc.option(fc.record({ value: cellArb, precision: cellArb })),
      totalReserves: fc.option(fc.record({ value: cellArb, precision: cellArb })),
      notes: fc.option(cellArb),
      composition: fc.array(fc.record({ category: cellArb, amountUsd: fc.option(fc.record({ value: cellArb, precision: cellArb })), sharePct: fc.option(cellArb) }), { maxLength: 4 }),
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(anything, shaped), (input) => {
        for (const schema of [attestationInput, attestationEditorInput]) {
          const r = schema.safeParse(input);
          if (!r.success) for (const issue of r.error.issues) expect(issue.message.trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});
