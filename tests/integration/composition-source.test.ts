// Which report the composition comes from, on the real packs: a breakdown that
// covers too little of total reserves is never taken for the whole.
import path from "node:path";
import { describe, expect, it } from "vitest";

import { evaluate } from "@/lib/domain/evaluation";
import { packToDataset } from "@/lib/domain/import/public-pack";
import { COMPLETE_BREAKDOWN_PCT, compositionShares, compositionSource } from "@/lib/domain/metrics/composition";
import { ELIGIBILITY_FRAMEWORKS } from "@/lib/domain/metrics/eligibility";
import type { AttestationData } from "@/lib/domain/types";
import { loadDataset } from "@/lib/server/commands/load-dataset";
import { attestationInclude, toAttestationData } from "@/lib/server/queries/mappers";

import { prismaFor, readPack } from "../../scripts/lib/seed";
import { withFreshDatabase } from "../support/db";

const FIRST_EDITION = path.resolve(__dirname, "..", "fixtures", "public-reports-first-edition");

async function reportsOf(dir: string | undefined): Promise<Map<string, AttestationData[]>> {
  const out = new Map<string, AttestationData[]>();
  await withFreshDatabase(async (url) => {
    const prisma = prismaFor(url);
    try {
      expect((await loadDataset(prisma, packToDataset(readPack(dir)).dataset, "test")).ok).toBe(true);
      const rows = (
        await prisma.attestation.findMany({ where: { state: "published" }, include: attestationInclude, orderBy: { asOf: "asc" } })
      ).map(toAttestationData);
      for (const a of rows) out.set(a.issuerSlug, [...(out.get(a.issuerSlug) ?? []), a]);
    } finally {
      await prisma.$disconnect();
    }
  });
  return out;
}

describe("the composition a page, the API and the CSV take for an issuer", () => {
  it("on the first edition, never names Tether's 23% breakdown of 2025-09-30 as its largest categories", async () => {
    const tether = (await reportsOf(FIRST_EDITION)).get("tether")!;
    const partial = tether.find((a) => a.asOf === "2025-09-30")!;
    const captured = Number(compositionShares(partial).capturedPct.value);
    expect(captured).toBeGreaterThan(15);
    expect(captured).toBeLessThan(30);
    const source = compositionSource(tether);
    expect(source.report?.asOf).not.toBe("2025-09-30");
    expect(Number(source.shares!.capturedPct.value)).toBeGreaterThanOrEqual(COMPLETE_BREAKDOWN_PCT);
    expect(source.laterPartial?.report.asOf).toBe("2025-09-30");
    const facts = evaluate({ ...fakeIssuer("tether") }, tether, []).find((a) => a.id === "composition")!.facts;
    const largest = facts.find((f) => f.kind === "largestCategories");
    expect(largest && "asOf" in largest ? largest.asOf : null).toBe(source.report!.asOf);
    expect(facts).toContainEqual(expect.objectContaining({ kind: "laterPartial", asOf: "2025-09-30" }));
  });

  it("on the second edition, takes Tether's 2025-12-31 report (99% broken down) and leaves issuers without a complete breakdown unassessed", async () => {
    const all = await reportsOf(undefined);
    const tether = compositionSource(all.get("tether")!);
    expect(tether.report?.asOf).toBe("2025-12-31");
    expect(tether.laterPartial).toBeNull();
    // Circle's newest lines (2025-12-31) come without a total: named, not taken; its composition stays 2024-12-31.
    const circle = compositionSource(all.get("circle")!);
    expect(circle.report?.asOf).toBe("2024-12-31");
    expect(circle.laterPartial?.report.asOf).toBe("2025-12-31");
    expect(circle.laterPartial?.shares.capturedPct.value).toBeNull();
    // Every report the rule takes covers at least the threshold; every one it passes over does not.
    for (const [slug, reports] of all) {
      const s = compositionSource(reports);
      if (s.shares) expect(Number(s.shares.capturedPct.value), slug).toBeGreaterThanOrEqual(COMPLETE_BREAKDOWN_PCT);
      const newer = reports.filter((a) => a.composition.length > 0 && (!s.report || a.asOf > s.report.asOf));
      for (const a of newer) {
        const c = compositionShares(a).capturedPct.value;
        expect(c === null || Number(c) < COMPLETE_BREAKDOWN_PCT, `${slug} ${a.asOf}`).toBe(true);
      }
    }
    // Paxos BUSD has lines, none covering enough: eligibility has nothing to stand on.
    const busd = compositionSource(all.get("paxos-busd")!);
    expect(busd.report).toBeNull();
    expect(busd.laterPartial).not.toBeNull();
    expect(ELIGIBILITY_FRAMEWORKS.length).toBeGreaterThan(0);
  });
});

function fakeIssuer(slug: string) {
  return {
    slug,
    redemption: { eligibility: null, minimumUsd: null, fee: null, settlement: null },
    counterparties: [],
    licences: [],
  } as unknown as Parameters<typeof evaluate>[0];
}
