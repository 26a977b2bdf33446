import { afterAll, describe, expect, it } from "vitest";

import { importAttestations } from "@/lib/server/commands/import-attestations";

import { makeIssuer, testPrisma } from "../support/db";
import { monthEnds, parseImportFiles, reportsCsv, type ReportRowSpec } from "../support/import-csv";

const prisma = testPrisma();
afterAll(() => prisma.$disconnect());
const actor = { id: null, label: "test importer", role: "editor" as const };

async function issuers(n: number) {
  return Promise.all(Array.from({ length: n }, () => makeIssuer(prisma)));
}

describe("bulk import of reports", () => {
  it("refuses 500 rows whole when 3 are bad, reporting exactly those 3 by line and column, and writes nothing", async () => {
    const [a, b] = await issuers(2);
    const dates = monthEnds(250);
    const specs: ReportRowSpec[] = [
      ...dates.map((asOf) => ({ issuerSlug: a!.slug, asOf })),
      ...dates.map((asOf) => ({ issuerSlug: b!.slug, asOf })),
    ];
    // data rows start on line 2: spec index i is on line i + 2
    specs[10] = { ...specs[10]!, tokens: "-5" };
    specs[200] = { ...specs[200]!, issuerSlug: "no-such-issuer" };
    specs[400] = { ...specs[400]!, published: "1979-01-01" };
    const result = await importAttestations(prisma, parseImportFiles(reportsCsv(specs)), actor);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ["reports.csv", 12, "tokens_outstanding_usd"],
      ["reports.csv", 202, "issuer_slug"],
      ["reports.csv", 402, "published"],
    ]);
    for (const p of result.problems) expect(p.message.length).toBeGreaterThan(5);
    expect(await prisma.attestation.count({ where: { issuerId: { in: [a!.id, b!.id] } } })).toBe(0);
  });

  it("reports a bad composition line on its own line and column", async () => {
    const [a] = await issuers(1);
    const specs: ReportRowSpec[] = monthEnds(3).map((asOf) => ({ issuerSlug: a!.slug, asOf }));
    specs[1] = { ...specs[1]!, category: "stocks" };
    const result = await importAttestations(prisma, parseImportFiles(reportsCsv(specs)), actor);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // composition lines: two per report, from line 2; report 1's first line is line 4
    expect(result.problems).toEqual([expect.objectContaining({ file: "composition.csv", line: 4, column: "category" })]);
  });

  it("refuses a report that already exists, and a report repeated in the file", async () => {
    const [a] = await issuers(1);
    const specs = monthEnds(2).map((asOf) => ({ issuerSlug: a!.slug, asOf }));
    expect((await importAttestations(prisma, parseImportFiles(reportsCsv(specs)), actor)).ok).toBe(true);
    const again = await importAttestations(
      prisma,
      parseImportFiles(
        reportsCsv([...specs.slice(0, 1), { issuerSlug: a!.slug, asOf: "2019-01-31" }, { issuerSlug: a!.slug, asOf: "2019-01-31" }]),
      ),
      actor,
    );
    expect(again.ok).toBe(false);
    if (again.ok) return;
    // The repeated report's lines all name it by issuer and date, so the first copy also collects the
    // second copy's lines, which then exceed its total reserves: refused too, on the editor's rule.
    expect(again.problems.filter((p) => p.column === "composition").map((p) => [p.file, p.line])).toEqual([["reports.csv", 3]]);
    const reportProblems = again.problems.filter((p) => p.file === "reports.csv" && p.column !== "composition");
    expect(reportProblems.map((p) => [p.line, p.column])).toEqual([
      [2, "as_of"],
      [4, "as_of"],
    ]);
    expect(reportProblems[0]!.message).toMatch(/already exists/);
    expect(reportProblems[1]!.message).toMatch(/repeats the report on line 3/);
  });

  it("a dry run checks everything and writes nothing", async () => {
    const [a] = await issuers(1);
    const result = await importAttestations(
      prisma,
      parseImportFiles(reportsCsv(monthEnds(24).map((asOf) => ({ issuerSlug: a!.slug, asOf })))),
      actor,
      { dryRun: true },
    );
    expect(result).toEqual({ ok: true, dryRun: true, reports: 24, compositionLines: 48, byIssuer: { [a!.slug]: 24 } });
    expect(await prisma.attestation.count({ where: { issuerId: a!.id } })).toBe(0);
  });

  it("commits 10,000 rows, with their composition lines and an audit entry each", async () => {
    const many = await issuers(100);
    const dates = monthEnds(100);
    const specs = many.flatMap((i) => dates.map((asOf) => ({ issuerSlug: i.slug, asOf })));
    expect(specs).toHaveLength(10_000);
    const result = await importAttestations(prisma, parseImportFiles(reportsCsv(specs)), actor);
    expect(result.ok && result.reports).toBe(10_000);
    const ids = many.map((i) => i.id);
    expect(await prisma.attestation.count({ where: { issuerId: { in: ids } } })).toBe(10_000);
    expect(await prisma.compositionLine.count({ where: { attestation: { issuerId: { in: ids } } } })).toBe(20_000);
    expect(
      await prisma.auditEntry.count({
        where: {
          reason: "bulk import",
          entityType: "attestation",
          entityId: {
            in: (await prisma.attestation.findMany({ where: { issuerId: { in: ids } }, select: { id: true } })).map((x) => x.id),
          },
        },
      }),
    ).toBe(10_000);
  }, 120_000);
});
