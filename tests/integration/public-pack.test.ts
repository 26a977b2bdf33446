import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

import { locateProblem, packToDataset, type PackFiles } from "@/lib/domain/import/public-pack";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { reimportDataset } from "@/lib/server/commands/reimport-dataset";

import { PACK_DIR, prismaFor, readPack } from "../../scripts/lib/seed";
import { withFreshDatabase } from "../support/db";

const clone = (p: PackFiles): PackFiles => structuredClone(p);

describe("the public-reports pack", () => {
  it("loads completely into an empty database, with the counts the pack's own check.py prints", async () => {
    // check.py is the pack's validator (Python, stdlib only); its summary line is the reference count.
    const check = spawnSync("python3", ["check.py"], { cwd: PACK_DIR, encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);
    const m =
      /OK: (\d+) issuers, (\d+) reports \((\d+) with tokens, (\d+) with reserves\), (\d+) composition rows \((\d+) with amounts\) in (\d+) reports, (\d+) stress events/.exec(
        check.stdout,
      );
    expect(m, check.stdout).not.toBeNull();
    const [issuers, reports, withTokens, withReserves, lines, linesWithAmounts, reportsWithLines, events] = m!.slice(1).map(Number);
    expect([issuers, reports, lines, events]).toEqual([18, 57, 127, 39]); // the second edition, as its README states
    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        const result = await loadDataset(prisma, packToDataset(readPack()).dataset, "test");
        expect(result).toEqual({ ok: true, issuers, attestations: reports, stressEvents: events });
        expect(await prisma.compositionLine.count()).toBe(lines);
        expect(await prisma.attestation.count({ where: { tokensOutstanding: { not: null } } })).toBe(withTokens);
        expect(await prisma.attestation.count({ where: { totalReserves: { not: null } } })).toBe(withReserves);
        expect(await prisma.compositionLine.count({ where: { amountUsd: { not: null } } })).toBe(linesWithAmounts);
        expect(await prisma.attestation.count({ where: { composition: { some: {} } } })).toBe(reportsWithLines);
        const gusd = await prisma.attestation.findFirstOrThrow({ where: { issuer: { slug: "gemini-gusd" }, asOfPrecision: "month" } });
        expect(gusd.asOf.toISOString().slice(0, 10)).toBe("2023-02-01");
        expect(await prisma.attestation.count({ where: { reservesPrecision: "lower_bound" } })).toBeGreaterThan(0);
        expect(await prisma.attestation.count({ where: { scope: "group_assets_liabilities" } })).toBeGreaterThan(0);
        expect(await prisma.issuer.count({ where: { isDemo: true } })).toBe(0);
        expect(await prisma.issuer.findUniqueOrThrow({ where: { slug: "ethena-usde" } })).toMatchObject({
          homeJurisdiction: "VG",
          name: "Ethena USDe",
        });
        // the edition the data comes from is recorded with the load
        expect(await prisma.datasetLoad.findFirstOrThrow()).toMatchObject({ kind: "load", edition: "second", compiled: "2026-12" });
      } finally {
        await prisma.$disconnect();
      }
    });
  });

  it("gives Tether's latest report as 2025-12-31, with Treasury bills as its largest category", async () => {
    const { compositionShares } = await import("@/lib/domain/metrics/composition");
    const { toAttestationData, attestationInclude } = await import("@/lib/server/queries/mappers");
    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        await loadDataset(prisma, packToDataset(readPack()).dataset, "test");
        const latest = toAttestationData(
          await prisma.attestation.findFirstOrThrow({
            where: { issuer: { slug: "tether" }, state: "published" },
            orderBy: { asOf: "desc" },
            include: attestationInclude,
          }),
        );
        expect(latest.asOf).toBe("2025-12-31");
        const shares = compositionShares(latest);
        const largest = [...shares.categories].sort((a, b) => Number(b.sharePct.value) - Number(a.sharePct.value))[0]!;
        expect(largest.category).toBe("tbills_93d");
        // 122.3 bn of 192.9 bn
        expect(Number(largest.sharePct.value)).toBeCloseTo((122_300_000_000 / 192_900_000_000) * 100, 6);
        expect(Number(shares.capturedPct.value)).toBeGreaterThan(98);
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
        const auditBefore = await prisma.auditEntry.count();
        const same = await reimportDataset(prisma, packToDataset(original).dataset, "test");
        // the same pack again is a no-op: not even an audit entry
        expect(await prisma.auditEntry.count()).toBe(auditBefore);
        expect(same.ok && same.summary.reports).toEqual({ added: [], corrected: [], unchanged: 57, notInDataset: [] });
        expect(same.ok && same.summary.stressEvents).toEqual({ added: 0, updated: 0, unchanged: 39, notInDataset: 0 });

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
        expect(result.summary.reports.unchanged).toBe(56);
        expect(result.summary.stressEvents.notInDataset).toBe(1);
        expect(droppedEvent.summary?.length).toBeGreaterThan(0);
        // nothing duplicated, nothing deleted
        expect(await prisma.attestation.count()).toBe(58);
        expect(await prisma.stressEvent.count()).toBe(39);
        const corrected = await prisma.attestation.findFirstOrThrow({
          where: {
            issuer: { slug: changed.issuer_slug },
            asOf: new Date(`${changed.as_of}T00:00:00Z`),
            reportType: changed.report_type as "attestation",
          },
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

describe("the pack's figures, recomputed from its CSV files independently of the product's code", () => {
  it("every report's coverage ratio and every partial composition's captured share match what the pages compute", async () => {
    const { coverageRatio } = await import("@/lib/domain/metrics/coverage");
    const { compositionShares } = await import("@/lib/domain/metrics/composition");
    const { toAttestationData, attestationInclude } = await import("@/lib/server/queries/mappers");
    const files = readPack();
    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        await loadDataset(prisma, packToDataset(files).dataset, "test");
        const stored = (await prisma.attestation.findMany({ include: attestationInclude })).map(toAttestationData);
        const find = (slug: string, asOf: string) =>
          stored.find((a) => a.issuerSlug === slug && a.asOf.startsWith(asOf.length === 7 ? `${asOf}-01` : asOf))!;
        let ratios = 0;
        for (const r of files.reports) {
          if (!r.tokens_outstanding_usd || !r.total_reserves_usd) continue;
          // plain floating point from the CSV, to 6 decimals: an independent check of the decimal code
          const expected = (Number(r.total_reserves_usd) / Number(r.tokens_outstanding_usd)) * 100;
          const got = coverageRatio(find(r.issuer_slug!, r.as_of!)).coveragePct.value;
          expect(Number(got), `${r.issuer_slug} ${r.as_of}`).toBeCloseTo(expected, 6);
          ratios++;
        }
        expect(ratios).toBeGreaterThan(20);
        let partial = 0;
        for (const r of files.reports) {
          const lines = files.composition.filter((l) => l.issuer_slug === r.issuer_slug && l.as_of === r.as_of);
          if (lines.length === 0 || !r.total_reserves_usd || lines.some((l) => !l.amount_usd)) continue;
          const captured = (lines.reduce((s, l) => s + Number(l.amount_usd), 0) / Number(r.total_reserves_usd)) * 100;
          if (captured > 99.5) continue;
          const shares = compositionShares(find(r.issuer_slug!, r.as_of!));
          expect(Number(shares.capturedPct.value), `${r.issuer_slug} ${r.as_of}`).toBeCloseTo(captured, 6);
          expect(Number(shares.notCapturedPct.value)).toBeCloseTo(100 - captured, 6);
          partial++;
        }
        expect(partial).toBeGreaterThan(0);
      } finally {
        await prisma.$disconnect();
      }
    });
  });
});
