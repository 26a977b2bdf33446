// The issuer page loads an issuer's public reports in one SQL query (lib/server/records/report.ts,
// publicReportsOf) instead of through Prisma's query engine. Both must give the same read model,
// field for field, on the shipped pack and on a dataset that fills every field with awkward values
// (cents, month-only dates, share-only lines, a retracted report, a revision).
import { describe, expect, it } from "vitest";

import { packToDataset } from "@/lib/domain/import/public-pack";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { attestationWithLines, publicReportsOf, reportsById, toAttestationData } from "@/lib/server/records/report";

import { readPack } from "../../scripts/lib/seed";
import { richDataset } from "../support/datasets";
import { freshDatabaseForFile } from "../support/db";

const db = freshDatabaseForFile();

describe("an issuer's public reports loaded in one SQL query", () => {
  it("equal what Prisma's include and the one mapping give, for every issuer", async () => {
    const rich = richDataset();
    for (const dataset of [packToDataset(readPack()).dataset, rich.dataset]) {
      const loaded = await loadDataset(db.prisma, dataset, "loader test");
      expect(loaded.ok ? [] : loaded).toEqual([]);
    }
    // A revision with a snapshot, as a correction leaves it.
    const corrected = await db.prisma.attestation.findFirstOrThrow({ where: { issuer: { slug: rich.slugs[0] }, state: "published" } });
    await db.prisma.attestationRevision.create({
      data: {
        attestationId: corrected.id,
        revision: 1,
        reason: "restated",
        snapshot: { totalReserves: { value: "1", precision: "exact" } },
      },
    });

    const issuers = await db.prisma.issuer.findMany({ select: { id: true, slug: true } });
    let reports = 0;
    for (const issuer of issuers) {
      const viaPrisma = await db.prisma.attestation.findMany({
        where: { issuerId: issuer.id, state: { in: ["published", "retracted"] } },
        include: { ...attestationWithLines, revisions: { orderBy: { revision: "asc" } } },
        orderBy: [{ asOf: "desc" }, { reportType: "asc" }],
      });
      const viaSql = await publicReportsOf(db.prisma, issuer.id);
      expect(viaSql.map((r) => r.report)).toEqual(viaPrisma.map(toAttestationData));
      expect(viaSql.map((r) => r.revisions)).toEqual(
        viaPrisma.map((a) =>
          a.revisions.map((v) => ({ revision: v.revision, reason: v.reason, createdAt: v.createdAt, snapshot: v.snapshot })),
        ),
      );
      reports += viaSql.length;
    }
    expect(reports).toBeGreaterThan(50);
    // By id (the comparison table's loader): the same reports, drafts included when asked for.
    const some = await db.prisma.attestation.findMany({
      include: attestationWithLines,
      orderBy: [{ asOf: "desc" }, { reportType: "asc" }],
      take: 40,
    });
    const byId = await reportsById(
      db.prisma,
      some.map((a) => a.id),
    );
    expect(byId.sort((x, y) => x.id.localeCompare(y.id))).toEqual(some.map(toAttestationData).sort((x, y) => x.id.localeCompare(y.id)));
    expect(await reportsById(db.prisma, [])).toEqual([]);
    const withRevision = (await publicReportsOf(db.prisma, corrected.issuerId)).find((r) => r.report.id === corrected.id)!;
    expect(withRevision.revisions).toHaveLength(1);
    // Stored with cents and 22 digits of precision: no digit lost on the way through JSON.
    expect(withRevision.report.tokensOutstanding).toEqual({ value: "1000000000.25", precision: "exact" });
  });
});
