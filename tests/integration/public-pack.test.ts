import { describe, expect, it } from "vitest";
import { packToDataset, locateProblem, type PackFiles } from "@/lib/domain/import/public-pack";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { reimportDataset } from "@/lib/server/commands/reimport-dataset";
import { readPack, prismaFor } from "../../scripts/lib/seed";
import { withFreshDatabase } from "../support/db";

const clone = (p: PackFiles): PackFiles => structuredClone(p);

describe("the public-reports pack", () => {
  it("loads completely into an empty database, keeping precision, month-only dates and share-only lines", async () => {
    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        const result = await loadDataset(prisma, packToDataset(readPack()).dataset, "test");
        expect(result).toEqual({ ok: true, issuers: 14, attestations: 47, stressEvents: 34 });
        expect(await prisma.compositionLine.count()).toBe(113);
        // check.py: 32 reports with tokens, 35 with reserves, 98 lines with amounts
        expect(await prisma.attestation.count({ where: { tokensOutstanding: { not: null } } })).toBe(32);
        expect(await prisma.attestation.count({ where: { totalReserves: { not: null } } })).toBe(35);
        expect(await prisma.compositionLine.count({ where: { amountUsd: { not: null } } })).toBe(98);
        const gusd = await prisma.attestation.findFirstOrThrow({ where: { issuer: { slug: "gemini-gusd" }, asOfPrecision: "month" } });
        expect(gusd.asOf.toISOString().slice(0, 10)).toBe("2023-02-01");
        expect(await prisma.attestation.count({ where: { reservesPrecision: "lower_bound" } })).toBeGreaterThan(0);
        expect(await prisma.attestation.count({ where: { scope: "group_assets_liabilities" } })).toBeGreaterThan(0);
        expect(await prisma.issuer.count({ where: { isDemo: true } })).toBe(0);
      } finally {
        await prisma.$disconnect();
      }
    });
  });

  it("names the file, line and column of a row that fails validation, and loads nothing", async () => {
    const files = clone(readPack());
    files.reports[4]!.total_reserves_usd = "12,5 billion";
    const pack = packToDataset(files);
    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        const result = await loadDataset(prisma, pack.dataset, "test");
        expect(result.ok).toBe(false);
        if (result.ok) return;
        const located = result.problems.map((p) => locateProblem(pack, p.where, p.message));
        expect(located).toContainEqual(expect.objectContaining({ file: "reports.csv", line: 6, column: "total_reserves_usd" }));
        expect(await prisma.issuer.count()).toBe(0);
        expect(await prisma.attestation.count()).toBe(0);
      } finally {
        await prisma.$disconnect();
      }
    });
  });

  it("re-imports a newer pack: unchanged rows stay, changed figures become corrections, new rows are added, nothing is deleted", async () => {
    const original = readPack();
    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        await loadDataset(prisma, packToDataset(original).dataset, "test");
        const same = await reimportDataset(prisma, packToDataset(original).dataset, "test");
        expect(same.ok && same.summary.reports).toEqual({ added: [], corrected: [], unchanged: 47, notInDataset: [] });
        expect(same.ok && same.summary.stressEvents).toEqual({ added: 0, updated: 0, unchanged: 34, notInDataset: 0 });

        const newer = clone(original);
        const changed = newer.reports.find((r) => r.total_reserves_usd && r.reserves_precision === "exact")!;
        const oldValue = changed.total_reserves_usd;
        changed.total_reserves_usd = String(BigInt(oldValue!) + 1000n);
        newer.reports.push({ ...newer.reports.find((r) => r.issuer_slug === "circle")!, as_of: "2026-10-31", published: "2026-11-20" });
        const droppedEvent = newer.stressEvents.pop()!;
        const result = await reimportDataset(prisma, packToDataset(newer).dataset, "test");
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.summary.reports.corrected).toEqual([`${changed.issuer_slug} ${changed.as_of} ${changed.report_type}`]);
        expect(result.summary.reports.added).toEqual([`circle 2026-10-31 ${newer.reports.at(-1)!.report_type}`]);
        expect(result.summary.reports.unchanged).toBe(46);
        expect(result.summary.stressEvents.notInDataset).toBe(1);
        expect(droppedEvent.summary?.length).toBeGreaterThan(0);
        // nothing duplicated, nothing deleted
        expect(await prisma.attestation.count()).toBe(48);
        expect(await prisma.stressEvent.count()).toBe(34);
        const corrected = await prisma.attestation.findFirstOrThrow({
          where: { issuer: { slug: changed.issuer_slug }, asOf: new Date(`${changed.as_of}T00:00:00Z`), reportType: changed.report_type as "attestation" },
          include: { revisions: true },
        });
        expect(corrected.totalReserves?.toFixed(0)).toBe(String(BigInt(oldValue!) + 1000n));
        expect(corrected.revision).toBe(2);
        expect(corrected.revisions).toHaveLength(1);
        expect((corrected.revisions[0]!.snapshot as { totalReserves: { value: string } }).totalReserves.value).toBe(oldValue);
        expect(await prisma.auditEntry.count({ where: { action: "correct", entityId: corrected.id } })).toBe(1);
      } finally {
        await prisma.$disconnect();
      }
    });
  });
});
