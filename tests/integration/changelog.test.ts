// The public changelog read from the audit log: only what reached public pages,
// newest first, for one issuer or all, and still answering with tens of thousands
// of public reports (it once passed every report's id as a query parameter and hit
// PostgreSQL's limit of 65,535 parameters at about 22,000 reports).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { prismaFor } from "../../scripts/lib/seed";
import { freshDatabase } from "../support/db";

vi.mock("next/cache", async (original) => ({
  ...(await original<object>()),
  cacheTag: () => {},
  cacheLife: () => {},
}));

let prisma: PrismaClient;
let getChangelog: typeof import("@/lib/server/queries/changelog").getChangelog;
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  // A database of its own: the bulk of reports below would slow every other file's whole-table reads.
  fresh = await freshDatabase();
  process.env.DATABASE_URL = fresh.url;
  delete (globalThis as { prisma?: unknown }).prisma; // the app's client, if an earlier file made one in this worker
  prisma = prismaFor(fresh.url);
  ({ getChangelog } = await import("@/lib/server/queries/changelog"));
}, 120_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await fresh?.drop();
});

async function issuer(slug: string) {
  return prisma.issuer.create({ data: { slug, name: `Issuer ${slug}`, backingModel: "fiat_reserve", declaredCadence: "monthly" } });
}
async function report(issuerId: string, asOf: string, state: "draft" | "published" | "retracted") {
  return prisma.attestation.create({
    data: {
      issuerId,
      asOf: new Date(`${asOf}T00:00:00Z`),
      reportType: "attestation",
      state,
      sourceUrl: "https://example.org/r",
      ...(state === "retracted" ? { retractedReason: "wrong file", retractedAt: new Date() } : {}),
    },
  });
}
let minute = 0;
async function audit(entityType: string, entityId: string, action: string, reason: string | null = null) {
  minute += 1;
  await prisma.auditEntry.create({
    data: { entityType, entityId, action, reason, actorLabel: "Ada Editor", at: new Date(Date.UTC(2026, 0, 1, 0, minute)) },
  });
}

describe("the public changelog", () => {
  let kinds: (slug?: string) => Promise<string[]>;
  beforeAll(() => {
    kinds = async (slug) => (await getChangelog(slug)).items.map((i) => `${i.issuerSlug} ${i.kind} ${i.reason ?? ""}`.trim());
  });

  it("lists publications, corrections, retractions and stress records, newest first, and never a draft", async () => {
    const a = await issuer("alpha");
    const b = await issuer("beta");
    const published = await report(a.id, "2025-01-31", "published");
    const retracted = await report(a.id, "2025-02-28", "retracted");
    const draft = await report(a.id, "2025-03-31", "draft");
    const other = await report(b.id, "2025-01-31", "published");
    const stress = await prisma.stressEvent.create({
      data: { issuerId: a.id, kind: "depeg", startDate: new Date("2025-02-01T00:00:00Z"), summary: "A dip" },
    });
    await audit("attestation", published.id, "create");
    await audit("attestation", published.id, "publish");
    await audit("attestation", other.id, "publish");
    await audit("attestation", retracted.id, "publish");
    await audit("attestation", draft.id, "create");
    await audit("attestation", draft.id, "update");
    await audit("attestation", published.id, "correct", "restated reserves");
    await audit("stress_event", stress.id, "create");
    await audit("attestation", retracted.id, "retract", "wrong file");
    await audit("issuer", a.id, "update");

    expect(await kinds("alpha")).toEqual([
      "alpha retracted wrong file",
      "alpha stress_recorded",
      "alpha corrected restated reserves",
      "alpha published",
      "alpha published",
    ]);
    expect(await kinds("beta")).toEqual(["beta published"]);
    expect(await kinds()).toEqual([
      "alpha retracted wrong file",
      "alpha stress_recorded",
      "alpha corrected restated reserves",
      "alpha published",
      "beta published",
      "alpha published",
    ]);
    const [entry] = (await getChangelog("alpha")).items;
    expect(entry).toMatchObject({ issuerName: "Issuer alpha", by: "Ada Editor", subject: { type: "report", asOf: "2025-02-28" } });
    expect(await getChangelog("no-such-issuer")).toEqual({ items: [], truncated: false });
    expect(await getChangelog("NOT A SLUG")).toEqual({ items: [], truncated: false });
  });

  it("answers with 30,000 public reports, keeping the newest 300 and saying the list is cut", async () => {
    const many = await issuer("many");
    await prisma.$executeRaw`
      INSERT INTO attestation (id, issuer_id, as_of, report_type, state, source_url, updated_at)
      SELECT 'bulk' || g, ${many.id}, DATE '1940-01-01' + g, 'attestation', 'published', 'https://example.org/r', now()
      FROM generate_series(1, 30000) g`;
    await prisma.$executeRaw`
      INSERT INTO audit_entry (at, actor_label, action, entity_type, entity_id)
      SELECT TIMESTAMPTZ '2027-01-01' + g * INTERVAL '1 second', 'system:pack', 'publish', 'attestation', 'bulk' || g
      FROM generate_series(1, 30000) g`;
    const all = await getChangelog();
    expect(all.truncated).toBe(true);
    expect(all.items).toHaveLength(300);
    expect(all.items[0]).toMatchObject({ issuerSlug: "many", kind: "published", by: null });
    expect(all.items.map((i) => i.subject)).toContainEqual({ type: "report", reportType: "attestation", asOf: "2022-02-17" }); // 1940-01-01 + 30,000 days
    expect((await getChangelog("many")).items).toHaveLength(300);
    expect((await getChangelog("beta")).items).toHaveLength(1);
  });
});
