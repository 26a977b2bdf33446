// One set of rules for every write: the same hostile report fed to every path
// that writes reports (the JSON editor API, the bulk import and its dry run,
// the pack re-import, the seed) is refused by each, naming the same field, and
// leaves the database as it was. Text that server actions write refuses
// control characters the same way.
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { parseCsv } from "@/lib/domain/import/read-csv";
import { CommandError } from "@/lib/server/commands/errors";
import { importAttestations } from "@/lib/server/commands/import-attestations";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { reimportDataset } from "@/lib/server/commands/reimport-dataset";
import { markIssuerReviewed } from "@/lib/server/commands/reviews";
import { POST as createReportRoute } from "@/app/api/editor/attestations/route";

import { makeIssuer, sql, testPrisma } from "../support/db";
import { actAs, daysFromToday, makeUser, pastDay, pointAppAtRunDatabase, validAttestation } from "../support/editor";

vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidateTag: vi.fn(), updateTag: vi.fn() }));

pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let slug: string;
beforeAll(async () => {
  slug = (await makeIssuer(prisma)).slug;
  actAs(await makeUser(prisma, { role: "admin" }));
});

// [what, changes to a valid report, the field in the input shape, the import's column]
const HOSTILE: [string, Record<string, unknown>, string, string][] = [
  ["an as-of date in the future", { asOf: daysFromToday(3) }, "asOf", "as_of"],
  [
    "a 20-digit amount",
    { totalReserves: { value: "12345678901234567890", precision: "exact" } },
    "totalReserves.value",
    "total_reserves_usd",
  ],
  [
    "composition lines above total reserves",
    { composition: [{ category: "tbills_93d", amountUsd: { value: "1500000", precision: "exact" }, sharePct: null }] },
    "composition",
    "composition",
  ],
  ["a NUL character in the note", { notes: "checked\u0000twice" }, "notes", "note"],
  ["a control character in the firm", { firm: "Firm\u0007LLP" }, "firm", "firm"],
  ["a report type in the wrong case", { reportType: "Attestation" }, "reportType", "report_type"],
];

/** A report in the input shape → one reports.csv row and its composition rows, in the import's format. */
function asCsv(r: Record<string, unknown>) {
  const fig = (f: unknown) => (f && typeof f === "object" ? (f as { value: string; precision: string }) : { value: "", precision: "" });
  const reports = stringify([
    [
      "issuer_slug",
      "as_of",
      "published",
      "report_type",
      "assurance",
      "firm",
      "scope",
      "tokens_outstanding_usd",
      "tokens_precision",
      "total_reserves_usd",
      "reserves_precision",
      "source_url",
      "source_kind",
      "primary_report_url",
      "note",
    ],
    [
      r.issuerSlug,
      r.asOf,
      r.publishedOn ?? "",
      r.reportType,
      r.assurance,
      r.firm ?? "",
      r.scope ?? "reserves_and_tokens",
      fig(r.tokensOutstanding).value,
      fig(r.tokensOutstanding).precision,
      fig(r.totalReserves).value,
      fig(r.totalReserves).precision,
      r.sourceUrl ?? "",
      r.sourceKind,
      r.reportUrl ?? "",
      r.notes ?? "",
    ],
  ]);
  const lines = (r.composition as { category: string; amountUsd: unknown; sharePct: string | null }[]).map((l) => [
    r.issuerSlug,
    r.asOf,
    l.category,
    fig(l.amountUsd).value,
    fig(l.amountUsd).precision,
    l.sharePct ?? "",
    "",
  ]);
  const composition = stringify([
    ["issuer_slug", "as_of", "category", "amount_usd", "amount_precision", "share_pct", "source_url"],
    ...lines,
  ]);
  const rp = parseCsv(reports);
  const cp = parseCsv(composition);
  return {
    reports: rp.rows,
    composition: cp.rows,
    lines: { reports: rp.lines, composition: cp.lines },
    headers: { reports: rp.headers, composition: cp.headers },
  };
}

async function snapshot() {
  const { rows } = await sql<{ n: string }>(
    `SELECT (SELECT count(*) FROM attestation) + (SELECT count(*) FROM composition_line) * 1000 + (SELECT count(*) FROM audit_entry) * 1000000 + (SELECT count(*) FROM issuer) * 1000000000 AS n`,
  );
  return rows[0]!.n;
}

const issuerInput = (s: string) => ({ slug: s, name: `Issuer ${s}`, backingModel: "fiat_reserve", declaredCadence: "monthly" });

describe("the same hostile report, on every path that writes reports", () => {
  for (const [what, changes, field, column] of HOSTILE) {
    it(`is refused everywhere, naming the same field: ${what}`, async () => {
      const report = validAttestation(slug, { ...changes, asOf: (changes.asOf as string | undefined) ?? pastDay() });
      const before = await snapshot();

      // 1. the JSON editor API
      const res = await createReportRoute(
        new Request("http://localhost/api/editor/attestations", {
          method: "POST",
          headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
          body: JSON.stringify({ input: report }),
        }),
        undefined as never,
      );
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      const body = (await res.json()) as { error: { fieldErrors?: Record<string, string[]> } };
      expect(Object.keys(body.error.fieldErrors ?? {}), what).toContain(field);

      // 2. the bulk import, its dry run first: both refuse, on the same column
      for (const dryRun of [true, false]) {
        const result = await importAttestations(prisma, asCsv(report), { id: null, label: "test", role: "admin" }, { dryRun });
        expect(result.ok, `${what} (dry run: ${dryRun})`).toBe(false);
        if (!result.ok)
          expect(
            result.problems.map((p) => p.column),
            what,
          ).toContain(column);
      }

      // 3. the pack re-import and 4. the seed (a dataset load)
      const dataset = { label: "hostile", isDemo: false, issuers: [issuerInput(slug)], attestations: [{ report }], stressEvents: [] };
      const re = await reimportDataset(prisma, dataset, "test");
      expect(re.ok, what).toBe(false);
      if (!re.ok)
        expect(
          re.problems.map((p) => p.where),
          what,
        ).toContain(`attestations[0].report.${field.replace(/\.value$/, ".value")}`);
      const fresh = {
        ...dataset,
        issuers: [issuerInput(`${slug}-seed`)],
        attestations: [{ report: { ...report, issuerSlug: `${slug}-seed` } }],
      };
      const seeded = await loadDataset(prisma, fresh, "test");
      expect(seeded.ok, what).toBe(false);
      if (!seeded.ok)
        expect(
          seeded.problems.map((p) => p.where),
          what,
        ).toContain(`attestations[0].report.${field}`);

      expect(await snapshot(), `${what}: the database is unchanged`).toBe(before);
    });
  }

  it("refuses a file that is not UTF-8 in the import, by file and line, and writes nothing", async () => {
    const before = await snapshot();
    const latin1 = Buffer.from(
      `issuer_slug,as_of,report_type,firm\n${slug},2020-01-31,attestation,Soci\xe9t\xe9 G\xe9n\xe9rale\n`,
      "latin1",
    );
    expect(() => parseCsv(latin1)).toThrow(/not UTF-8.*CSV UTF-8/);
    expect(await snapshot()).toBe(before);
  });

  it("refuses control characters in what server actions write, naming the field, and writes nothing", async () => {
    const before = await snapshot();
    const err = await markIssuerReviewed({ slug, note: "looked at it\u0000" }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CommandError);
    expect(Object.keys((err as CommandError).details.fieldErrors ?? {})).toContain("note");
    expect(await snapshot()).toBe(before);
  });
});
