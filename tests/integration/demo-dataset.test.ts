import { describe, expect, it } from "vitest";

import { loadDataset } from "@/lib/server/commands/load-dataset";
import { demoDataset } from "@/prisma/seed/demo";

import { prismaFor } from "../../scripts/lib/seed";
import { withFreshDatabase } from "../support/db";

describe("the demo dataset", () => {
  it("is deterministic: two builds are identical", () => {
    expect(JSON.stringify(demoDataset())).toBe(JSON.stringify(demoDataset()));
  });

  it("loads as seven fictional issuers with corrections kept as revisions and every write audited", async () => {
    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        const result = await loadDataset(prisma, demoDataset(), "test");
        expect(result.ok).toBe(true);
        expect(await prisma.issuer.count({ where: { isDemo: true } })).toBe(7);
        expect(await prisma.issuer.count({ where: { isDemo: false } })).toBe(0);
        const revised = await prisma.attestation.findMany({ where: { revision: { gt: 1 } }, include: { revisions: true } });
        expect(revised).toHaveLength(3);
        for (const a of revised) expect(a.revisions).toHaveLength(a.revision - 1);
        const entries = await prisma.auditEntry.count();
        const records = (await prisma.issuer.count()) + (await prisma.attestation.count()) + (await prisma.stressEvent.count());
        // one entry per record, plus one per correction (3), each with its reason
        expect(entries).toBe(records + 3);
        expect(await prisma.auditEntry.count({ where: { action: "correct", reason: { contains: "Transposed digits" } } })).toBe(1);
      } finally {
        await prisma.$disconnect();
      }
    });
  });

  it("loads nothing when one record is invalid", async () => {
    const data = demoDataset();
    data.attestations[10]!.report.totalReserves = { value: "-5", precision: "exact" };
    await withFreshDatabase(async (url) => {
      const prisma = prismaFor(url);
      try {
        const result = await loadDataset(prisma, data, "test");
        expect(result).toEqual({
          ok: false,
          problems: [expect.objectContaining({ where: "attestations[10].report.totalReserves.value" })],
        });
        expect(await prisma.issuer.count()).toBe(0);
        expect(await prisma.auditEntry.count()).toBe(0);
      } finally {
        await prisma.$disconnect();
      }
    });
  });
});
