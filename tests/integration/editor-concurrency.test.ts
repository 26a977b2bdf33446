// Two editors edit the same record: the second save, based on a version that
// is no longer current, is refused with what changed meanwhile, field by
// field. Nothing is ever overwritten silently.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { correctAttestation, createAttestationDraft, publishAttestation, saveAttestationDraft } from "@/lib/server/commands/attestations";
import { CommandError } from "@/lib/server/commands/errors";
import { createIssuer, updateIssuer } from "@/lib/server/commands/issuers";
import { createStressEvent, updateStressEvent } from "@/lib/server/commands/stress-events";

import { makeIssuer, testPrisma, unique } from "../support/db";
import { actAs, makeUser, pointAppAtRunDatabase, validAttestation } from "../support/editor";

pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let alice: Awaited<ReturnType<typeof makeUser>>;
let bob: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  alice = await makeUser(prisma, { name: "Alice" });
  bob = await makeUser(prisma, { name: "Bob" });
});

async function refused(p: Promise<unknown>): Promise<CommandError> {
  const result = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(result).toBeInstanceOf(CommandError);
  return result as CommandError;
}

describe("concurrent edits", () => {
  it("refuse the second of two draft saves from the same version, showing what changed, and keep the first", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(alice);
    const original = validAttestation(issuer.slug, { asOf: "2025-07-31" });
    const draft = await createAttestationDraft({ input: original });

    // both opened version 1; Alice saves first
    const alicesEdit = validAttestation(issuer.slug, {
      asOf: "2025-07-31",
      firm: "Alice & Co",
      totalReserves: { value: "1012000", precision: "exact" },
    });
    await saveAttestationDraft(draft.data.id, { version: 1, baseline: original, input: alicesEdit });

    actAs(bob);
    const bobsEdit = validAttestation(issuer.slug, { asOf: "2025-07-31", standard: "ISAE 3000" });
    const err = await refused(saveAttestationDraft(draft.data.id, { version: 1, baseline: original, input: bobsEdit }));
    expect([err.kind, err.status]).toEqual(["conflict", 409]);
    expect(err.message).toMatch(/saved by Alice at .* UTC after you opened it; nothing was saved/);
    expect(err.details.changes).toEqual([
      { field: "firm", was: "Test Assurance LLP", now: "Alice & Co" },
      { field: "totalReserves.value", was: "1010000", now: "1012000" },
    ]);
    expect(err.details.current?.version).toBe(2);

    const stored = await prisma.attestation.findUniqueOrThrow({ where: { id: draft.data.id } });
    expect([stored.firm, stored.standard, stored.totalReserves?.toString(), stored.version]).toEqual([
      "Alice & Co",
      "AICPA AT-C 205",
      "1012000",
      2,
    ]);
    const actions = await prisma.auditEntry.findMany({
      where: { entityId: draft.data.id },
      orderBy: { id: "asc" },
      select: { action: true, actorLabel: true },
    });
    expect(actions).toEqual([
      { action: "create", actorLabel: "Alice" },
      { action: "update", actorLabel: "Alice" },
    ]);
  });

  it("let exactly one of two simultaneous saves from the same version through", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(alice);
    const original = validAttestation(issuer.slug, { asOf: "2025-08-31" });
    const draft = await createAttestationDraft({ input: original });
    const a = validAttestation(issuer.slug, { asOf: "2025-08-31", firm: "First" });
    const b = validAttestation(issuer.slug, { asOf: "2025-08-31", firm: "Second" });
    const results = await Promise.allSettled([
      saveAttestationDraft(draft.data.id, { version: 1, baseline: original, input: a }),
      saveAttestationDraft(draft.data.id, { version: 1, baseline: original, input: b }),
    ]);
    const won = results.findIndex((r) => r.status === "fulfilled");
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult | undefined;
    expect(won).toBeGreaterThanOrEqual(0);
    expect(lost?.reason).toBeInstanceOf(CommandError);
    expect((lost!.reason as CommandError).kind).toBe("conflict");
    const stored = await prisma.attestation.findUniqueOrThrow({ where: { id: draft.data.id } });
    expect(stored.firm).toBe(won === 0 ? "First" : "Second");
    expect(stored.version).toBe(2);
    expect(await prisma.auditEntry.count({ where: { entityId: draft.data.id, action: "update" } })).toBe(1);
  });

  it("refuse a correction based on a version another correction replaced, keeping one revision", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(alice);
    const original = validAttestation(issuer.slug, { asOf: "2025-09-30" });
    const d = await createAttestationDraft({ input: original });
    const p = await publishAttestation(d.data.id, { version: 1, input: original });
    const aliceFix = validAttestation(issuer.slug, { asOf: "2025-09-30", tokensOutstanding: { value: "1001000", precision: "exact" } });
    await correctAttestation(d.data.id, { version: p.data.version, baseline: original, input: aliceFix, reason: "tokens restated" });
    actAs(bob);
    const bobFix = validAttestation(issuer.slug, { asOf: "2025-09-30", tokensOutstanding: { value: "999000", precision: "exact" } });
    const err = await refused(
      correctAttestation(d.data.id, { version: p.data.version, baseline: original, input: bobFix, reason: "a different reading" }),
    );
    expect(err.kind).toBe("conflict");
    expect(err.details.changes).toEqual([{ field: "tokensOutstanding.value", was: "1000000", now: "1001000" }]);
    const stored = await prisma.attestation.findUniqueOrThrow({ where: { id: d.data.id }, include: { revisions: true } });
    expect(stored.tokensOutstanding?.toString()).toBe("1001000");
    expect(stored.revisions).toHaveLength(1);
  });

  it("refuse the second of two issuer saves from the same version", async () => {
    actAs(alice);
    const slug = unique("conc-issuer");
    const base = {
      slug,
      name: "Concurrent Dollar",
      backingModel: "fiat_reserve",
      declaredCadence: "monthly",
      licences: [{ regulator: "NYDFS", licence: "Trust charter", jurisdiction: "US-NY" }],
    };
    const created = await createIssuer({ input: base });
    const baseline = { ...base };
    await updateIssuer(created.data.id, { version: 1, baseline, input: { ...base, name: "Concurrent Dollar (renamed by Alice)" } });
    actAs(bob);
    const err = await refused(updateIssuer(created.data.id, { version: 1, baseline, input: { ...base, status: "winding_down" } }));
    expect(err.kind).toBe("conflict");
    expect(err.details.changes?.map((c) => [c.field, c.now])).toEqual([["name", "Concurrent Dollar (renamed by Alice)"]]);
    const stored = await prisma.issuer.findUniqueOrThrow({ where: { id: created.data.id }, include: { licences: true } });
    expect([stored.name, stored.status, stored.version, stored.licences.length]).toEqual([
      "Concurrent Dollar (renamed by Alice)",
      "active",
      2,
      1,
    ]);
  });

  it("refuse the second of two stress event saves from the same version", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(alice);
    const base = {
      issuerSlug: issuer.slug,
      kind: "depeg",
      startDate: "2024-03-10",
      summary: "Traded below $0.98 for two days",
      sources: [{ url: "https://example.org/news" }],
    };
    const created = await createStressEvent({ input: base });
    await updateStressEvent(created.data.id, { version: 1, baseline: base, input: { ...base, lowestPrice: "0.9712" } });
    actAs(bob);
    const err = await refused(
      updateStressEvent(created.data.id, { version: 1, baseline: base, input: { ...base, endDate: "2024-03-12" } }),
    );
    expect(err.kind).toBe("conflict");
    expect(err.details.changes?.find((c) => c.field === "lowestPrice")).toEqual({ field: "lowestPrice", was: null, now: "0.9712" });
    const stored = await prisma.stressEvent.findUniqueOrThrow({ where: { id: created.data.id } });
    expect([stored.lowestPrice?.toString(), stored.endDate, stored.version]).toEqual(["0.9712", null, 2]);
  });
});
