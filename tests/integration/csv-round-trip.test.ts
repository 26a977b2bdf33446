import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CSV_FILES, type CsvKind } from "@/lib/domain/csv/columns";
import { packToDataset } from "@/lib/domain/import/public-pack";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import {
  attestationInclude,
  issuerInclude,
  stressInclude,
  toAttestationData,
  toIssuerData,
  toStressEventData,
} from "@/lib/server/queries/mappers";

import { prismaFor, readPack } from "../../scripts/lib/seed";
import { exportCsv } from "../support/csv";
import { richDataset } from "../support/datasets";
import { testPrisma, withFreshDatabase } from "../support/db";

const prisma = testPrisma();
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(async () => {
  await prisma.$disconnect();
  await pool.end();
});

const IMPORTABLE = (Object.keys(CSV_FILES) as CsvKind[]).filter((k) => CSV_FILES[k].importable);

/** The four importable files of an export, written to a fresh folder as a reader would save them. */
async function exportToFolder(from: pg.Pool, slugs: string[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "usd1-export-"));
  for (const kind of IMPORTABLE) fs.writeFileSync(path.join(dir, CSV_FILES[kind].file), await exportCsv(from, kind, { issuer: slugs }));
  return dir;
}

/** Everything the files carry, as the pages read it, without database ids and in a stable order. */
async function snapshot(db: PrismaClient, slugs: string[]) {
  const where = { slug: { in: slugs } };
  const issuers = await db.issuer.findMany({ where, include: issuerInclude, orderBy: { slug: "asc" } });
  const attestations = await db.attestation.findMany({
    where: { issuer: where, state: { in: ["published", "retracted"] } },
    include: attestationInclude,
    orderBy: [{ issuer: { slug: "asc" } }, { asOf: "asc" }, { reportType: "asc" }],
  });
  const stress = await db.stressEvent.findMany({
    where: { issuer: where },
    include: stressInclude,
    orderBy: [{ issuer: { slug: "asc" } }, { startDate: "asc" }, { summary: "asc" }],
  });
  return {
    issuers: issuers.map((i) => ({ ...toIssuerData(i), id: undefined })),
    attestations: attestations.map((a) => ({ ...toAttestationData(a), id: undefined })),
    stressEvents: stress.map((e) => ({ ...toStressEventData(e), id: undefined })),
  };
}

async function importFolder(dir: string, url: string) {
  const target = prismaFor(url);
  const result = await loadDataset(target, packToDataset(readPack(dir), "CSV export").dataset, "test: import of an export");
  return { target, result };
}

describe("export → import into an empty database", () => {
  it("gives back identical issuers, reports, composition lines and stress events", async () => {
    const rich = richDataset();
    expect((await loadDataset(prisma, rich.dataset, "test")).ok).toBe(true);
    const before = await snapshot(prisma, rich.slugs);
    expect(before.attestations.some((a) => a.state === "retracted")).toBe(true);
    const dir = await exportToFolder(pool, rich.slugs);
    await withFreshDatabase(async (url) => {
      const { target, result } = await importFolder(dir, url);
      try {
        expect(result).toEqual({ ok: true, issuers: 2, attestations: 4, stressEvents: 2 });
        const after = await snapshot(target, rich.slugs);
        expect(after.issuers).toEqual(before.issuers);
        expect(after.attestations).toEqual(before.attestations);
        expect(after.stressEvents).toEqual(before.stressEvents);
      } finally {
        await target.$disconnect();
      }
    });
  });

  it("keeps the public-reports pack identical through a second export and import", async () => {
    await withFreshDatabase(async (firstUrl) => {
      const first = prismaFor(firstUrl);
      const firstPool = new pg.Pool({ connectionString: firstUrl, max: 2 });
      try {
        expect((await loadDataset(first, packToDataset(readPack()).dataset, "test")).ok).toBe(true);
        const slugs = (await first.issuer.findMany({ select: { slug: true } })).map((i) => i.slug);
        const before = await snapshot(first, slugs);
        const dir = await exportToFolder(firstPool, []);
        await withFreshDatabase(async (secondUrl) => {
          const { target, result } = await importFolder(dir, secondUrl);
          try {
            expect(result).toEqual({ ok: true, issuers: 18, attestations: 57, stressEvents: 39 });
            expect(await snapshot(target, slugs)).toEqual(before);
          } finally {
            await target.$disconnect();
          }
        });
      } finally {
        await firstPool.end();
        await first.$disconnect();
      }
    });
  }, 60_000);

  it("names file, line and column of an exported cell that no longer validates", async () => {
    const rich = richDataset();
    expect((await loadDataset(prisma, rich.dataset, "test")).ok).toBe(true);
    const dir = await exportToFolder(pool, rich.slugs);
    const file = path.join(dir, "reports.csv");
    // The first data rows hold notes with line breaks, so record index and line number differ.
    const text = fs.readFileSync(file, "utf8").replace("990000000,lower_bound", "990 million dollars,lower_bound");
    fs.writeFileSync(file, text);
    const line = text.slice(0, text.indexOf("990 million")).split("\n").length;
    await withFreshDatabase(async (url) => {
      const pack = packToDataset(readPack(dir));
      expect(pack.origins.attestations.map((o) => o.line)).not.toEqual([2, 3, 4, 5]);
      const { target, result } = await importFolder(dir, url);
      await target.$disconnect();
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const { locateProblem } = await import("@/lib/domain/import/public-pack");
      const located = result.problems.map((p) => locateProblem(pack, p.where, p.message));
      expect(located).toContainEqual(expect.objectContaining({ file: "reports.csv", line, column: "tokens_outstanding_usd" }));
    });
  });
});
