// The comparison table (home) loads every report's dates but only a few reports in
// full per issuer. Its rows must be exactly what the same row builder gives when
// every report is loaded in full, on the shipped pack, the demo dataset and an issuer
// whose newest breakdowns are all partial and whose newest figures give no ratio.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { packToDataset } from "@/lib/domain/import/public-pack";
import { effectiveAsOf } from "@/lib/domain/metrics/cadence";
import { compositionSource } from "@/lib/domain/metrics/composition";
import { coverageRatio } from "@/lib/domain/metrics/coverage";
import { datasetSchema, type DatasetInput } from "@/lib/domain/schemas/dataset";
import type { AttestationData } from "@/lib/domain/types";
import { byIssuerName } from "@/lib/domain/views/comparison";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { attestationInclude, issuerInclude, toAttestationData, toIssuerData } from "@/lib/server/queries/mappers";
import { demoDataset } from "@/prisma/seed/demo";

import { prismaFor, readPack } from "../../scripts/lib/seed";
import { freshDatabase } from "../support/db";
import { validAttestation } from "../support/report-input";

vi.mock("next/cache", async (original) => ({ ...(await original<object>()), cacheTag: () => {}, cacheLife: () => {} }));

let prisma: PrismaClient;
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let comparison: typeof import("@/lib/server/queries/comparison");
beforeAll(async () => {
  fresh = await freshDatabase();
  process.env.DATABASE_URL = fresh.url;
  delete (globalThis as { prisma?: unknown }).prisma; // the app's client, if an earlier file made one in this worker
  prisma = prismaFor(fresh.url);
  comparison = await import("@/lib/server/queries/comparison");
}, 120_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

const line = (category: string, value: string) => ({ category, amountUsd: { value, precision: "exact" }, sharePct: null });
const fig = (value: string) => ({ value, precision: "exact" });

/** Newest breakdowns partial (10 of 101), newest figures with zero tokens, latest report with neither. */
function partialRun(): DatasetInput {
  const slug = "partial-run";
  const report = (asOf: string, overrides: Record<string, unknown>) => ({
    state: "published" as const,
    report: validAttestation(slug, { asOf, publishedOn: null, ...overrides }),
  });
  const partial = { tokensOutstanding: fig("100"), totalReserves: fig("101"), composition: [line("cash_deposits", "10")] };
  return datasetSchema.parse({
    label: "partial run",
    isDemo: false,
    issuers: [{ slug, name: "Partial Run Dollar", backingModel: "fiat_reserve", declaredCadence: "monthly" }],
    stressEvents: [],
    attestations: [
      report("2025-05-31", { tokensOutstanding: fig("100"), totalReserves: fig("101"), composition: [line("tbills_93d", "101")] }),
      report("2025-06-30", { tokensOutstanding: fig("100"), totalReserves: fig("102"), composition: [line("cash_deposits", "102")] }),
      report("2025-07-31", partial),
      report("2025-08-31", partial),
      report("2025-09-30", partial),
      report("2025-10-31", { ...partial, tokensOutstanding: fig("0") }),
      report("2025-11-30", { tokensOutstanding: null, totalReserves: null, composition: [] }),
    ],
  });
}

/** The reference: every published report loaded in full, each column chosen over all of them. */
async function rowsFromEveryReport(today: string) {
  const all = (await prisma.attestation.findMany({ where: { state: "published" }, include: attestationInclude })).map(toAttestationData);
  const stress = await prisma.stressEvent.groupBy({ by: ["issuerId"], _count: { _all: true } });
  const issuers = await prisma.issuer.findMany({ include: issuerInclude, orderBy: { name: "asc" } });
  return issuers.map((row) => {
    const reports = all
      .filter((a) => a.issuerSlug === row.slug)
      .sort((a, b) => effectiveAsOf(a).localeCompare(effectiveAsOf(b)) || a.id.localeCompare(b.id));
    const withCoverage = [...reports]
      .reverse()
      .map((a) => [a, coverageRatio(a)] as const)
      .find(([, c]) => c.coveragePct.value !== null);
    const chosen = {
      latest: reports.at(-1) ?? null,
      coverage: withCoverage?.[1] ?? null,
      coverageReport: (withCoverage?.[0] as AttestationData | undefined) ?? null,
      source: compositionSource(reports),
    };
    const count = stress.find((s) => s.issuerId === row.id)?._count._all ?? 0;
    return comparison.comparisonRow(toIssuerData(row), reports, chosen, count, today);
  });
}

describe("the comparison table at scale", () => {
  it("gives the same rows as loading every report in full", async () => {
    for (const dataset of [packToDataset(readPack()).dataset, demoDataset(), partialRun()]) {
      const loaded = await loadDataset(prisma, dataset, "comparison test");
      expect(loaded.ok ? [] : loaded).toEqual([]);
    }
    const { today, rows } = await comparison.comparisonRows();
    const expected = await rowsFromEveryReport(today);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows).toEqual(expected);

    // The partial run: the breakdown is the complete one of June (three rounds back), coverage from September.
    const run = rows.find((r) => r.issuer.slug === "partial-run")!;
    expect(run.latest?.asOf).toBe("2025-11-30");
    expect(run.composition?.asOf).toBe("2025-06-30");
    expect(run.composition?.parts).toEqual([{ category: "cash_deposits", pct: 100 }]);
    expect(run.coverageAsOf).toBe("2025-09-30");
    expect(run.coveragePct?.value).toBe("101");
  });

  it("gives the home page's first rows exactly as the full table's first rows A to Z, with every issuer counted", async () => {
    // Runs after the test above loaded three datasets (more than 20 issuers).
    const { rows } = await comparison.comparisonRows();
    const alphabetical = [...rows].sort((x, y) => byIssuerName(x.issuer, y.issuer));
    for (const n of [1, 7, rows.length, rows.length + 5]) {
      const first = await comparison.firstComparisonRows(n);
      expect(first.rows).toEqual(alphabetical.slice(0, n));
      expect(first.total).toBe(rows.length);
      expect(first.jurisdictions).toEqual([...new Set(rows.flatMap((r) => r.issuer.homeJurisdiction ?? []))].sort());
    }
  });
});
