import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";

import { CsvSyntaxError, parseCsv } from "@/lib/domain/import/read-csv";
import { attestationInput } from "@/lib/domain/schemas/attestation";
import { attestationEditorInput } from "@/lib/domain/schemas/attestation-editor";
import { importAttestations } from "@/lib/server/commands/import-attestations";

import { makeIssuer, testPrisma } from "../support/db";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const HEADER = [
  "issuer_slug",
  "as_of",
  "published",
  "report_type",
  "scope",
  "tokens_outstanding_usd",
  "tokens_precision",
  "total_reserves_usd",
  "reserves_precision",
  "source_url",
  "source_kind",
  "note",
];

// Cells from every family that breaks importers: numbers with separators and signs, dates
// that do not exist, formulas, HTML, quotes, line breaks, long strings, unicode.
const cellArb = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e9",
    "12,5",
    "1.234.567",
    "99999999999999999999999",
    "NaN",
    "2025-02-30",
    "2025-13",
    "2025-06",
    "2025-06-30",
    "exact",
    "rounded",
    "lower_bound",
    "attestation",
    "audit",
    "=SUM(A1)",
    "+1",
    "@x",
    "<script>alert(1)</script>",
    '"',
    "\r\n",
    "https://example.org/r.pdf",
    "javascript:alert(1)",
  ),
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
          {
            reports: parsed.rows,
            composition: [],
            lines: { reports: parsed.lines, composition: [] },
            headers: { reports: parsed.headers },
          },
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
        const rows = Array.from({ length: good }, (_, i) => [
          issuer.slug,
          `2019-0${i + 1}-15`,
          "",
          "attestation",
          "reserves_and_tokens",
          "1000",
          "exact",
          "1000",
          "exact",
          "https://example.org/r.pdf",
          "primary",
          "",
        ]);
        rows.push([
          issuer.slug,
          "2019-09-15",
          "",
          "attestation",
          "reserves_and_tokens",
          "1000",
          "exact",
          badTotal,
          "exact",
          "https://example.org/r.pdf",
          "primary",
          "",
        ]);
        const parsed = parseCsv(stringify([HEADER, ...rows]));
        const result = await importAttestations(
          prisma,
          {
            reports: parsed.rows,
            composition: [],
            lines: { reports: parsed.lines, composition: [] },
            headers: { reports: parsed.headers },
          },
          { id: null, label: "fuzz", role: "editor" },
        );
        expect(result.ok).toBe(false);
        expect(await prisma.attestation.count({ where: { issuerId: issuer.id } })).toBe(0);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("whenever a dry run finds no problem in a generated file, the real import of that file succeeds", async () => {
    const issuer = await makeIssuer(prisma);
    const header = [...HEADER, "state", "retracted_reason", "assurance"];
    // Mostly valid cells, each column now and then hostile: files that pass the dry run are common enough to test the claim.
    const mostly = <T>(valid: T[], hostile: T[]) =>
      fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...hostile) });
    let day = 0;
    const rowArb = fc
      .tuple(
        mostly([issuer.slug], ["unknown-issuer"]),
        mostly(["month-end"], ["2025-02-30", "2099-01-01", "2020-06"]),
        mostly(["", "2019-12-20"], ["2018-01-01", "2099-12-31"]),
        mostly(["attestation", "audit", "issuer_report"], ["Attestation", ""]),
        mostly(["reserves_and_tokens", "reserves_only"], ["Reserves_Only"]),
        mostly(
          [
            ["1000", "exact"],
            ["1000.5", "rounded"],
            ["", ""],
          ],
          [
            ["12,5", "exact"],
            ["99999999999999999999", "exact"],
            ["1000", ""],
            ["1000", "Exact"],
          ],
        ),
        mostly(
          [
            ["1010", "exact"],
            ["", ""],
            ["990", "lower_bound"],
          ],
          [
            ["20000000000000", "exact"],
            ["", "exact"],
          ],
        ),
        mostly(["https://example.org/r.pdf"], ["", "javascript:alert(1)"]),
        mostly(["primary", "press"], ["Primary"]),
        mostly(["", "checked", "=SUM(A1)", "<b>x</b>", "two\nlines"], ["a\u0000b", "bell\u0007"]),
        mostly(
          [
            ["", ""],
            ["published", ""],
            ["draft", ""],
            ["retracted", "withdrawn by the firm"],
          ],
          [
            ["Published", ""],
            ["PUBLISHED", ""],
            ["retracted", ""],
          ],
        ),
      )
      .map(([issuerSlug, asOf, published, type, scope, tokens, reserves, url, kind, note, [state, reason]]) => {
        // distinct month ends in 2019, so valid rows of one file do not collide by accident
        const d = asOf === "month-end" ? new Date(Date.UTC(2010, (day++ % 100) + 1, 0)).toISOString().slice(0, 10) : asOf;
        return [
          issuerSlug,
          d,
          published,
          type,
          scope,
          tokens[0],
          tokens[1],
          reserves[0],
          reserves[1],
          url,
          kind,
          note,
          state,
          reason,
          "examination",
        ];
      });
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 5 }), async (rows) => {
        const parsed = parseCsv(stringify([header, ...rows]));
        const files = {
          reports: parsed.rows,
          composition: [],
          lines: { reports: parsed.lines, composition: [] },
          headers: { reports: parsed.headers },
        };
        const actor = { id: null, label: "fuzz", role: "admin" as const };
        const dry = await importAttestations(prisma, files, actor, { dryRun: true });
        if (!dry.ok) return;
        const real = await importAttestations(prisma, files, actor);
        expect(real, JSON.stringify(rows)).toMatchObject({ ok: true, reports: dry.reports });
        imported += dry.reports;
      }),
      { numRuns: 300 },
    );
    // the generator does reach files that pass: the property is not vacuous
    expect(imported).toBeGreaterThan(0);
  }, 300_000);

  it("the attestation validators answer every input with data or field messages, never a crash", () => {
    const anything = fc.anything({ maxDepth: 3 });
    const shaped = fc.record(
      {
        issuerSlug: fc.oneof(fc.string(), fc.constant("x-issuer")),
        asOf: cellArb,
        publishedOn: cellArb,
        reportType: cellArb,
        tokensOutstanding: fc.option(fc.record({ value: cellArb, precision: cellArb })),
        totalReserves: fc.option(fc.record({ value: cellArb, precision: cellArb })),
        notes: fc.option(cellArb),
        composition: fc.array(
          fc.record({
            category: cellArb,
            amountUsd: fc.option(fc.record({ value: cellArb, precision: cellArb })),
            sharePct: fc.option(cellArb),
          }),
          { maxLength: 4 },
        ),
      },
      { requiredKeys: [] },
    );
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
