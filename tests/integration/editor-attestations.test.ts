import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import {
  correctAttestation,
  createAttestationDraft,
  publishAttestation,
  retractAttestation,
  saveAttestationDraft,
} from "@/lib/server/commands/attestations";
import { CommandError } from "@/lib/server/commands/errors";
import { getIssuerProfile } from "@/lib/server/queries/issuer";

import { makeIssuer, testPrisma } from "../support/db";
import { actAs, daysFromToday, makeUser, pointAppAtRunDatabase, validAttestation } from "../support/editor";

// The public read model runs here without Next: its cache calls become no-ops, the queries are real.
vi.mock("next/cache", () => ({ cacheTag: () => {}, cacheLife: () => {} }));
pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let editor: Awaited<ReturnType<typeof makeUser>>;
let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  editor = await makeUser(prisma, { role: "editor", name: "Eve Editor" });
  admin = await makeUser(prisma, { role: "admin", name: "Ada Admin" });
});

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof CommandError) return err;
    throw err;
  }
  throw new Error("expected the command to be refused");
};

const auditOf = (entityId: string) => prisma.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" } });

describe("the attestation lifecycle", () => {
  it("drafts, publishes, corrects and retracts, with an audit entry (before/after, editor id and name) for every step", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(editor);
    const draft = await createAttestationDraft({ input: validAttestation(issuer.slug, { asOf: "2025-03-31" }) });
    expect(draft.data).toMatchObject({ state: "draft", version: 1, revision: 1 });
    // a draft is not public: nothing to expire
    expect(draft.tags).toEqual([]);

    const saved = await saveAttestationDraft(draft.data.id, {
      version: 1,
      input: validAttestation(issuer.slug, { asOf: "2025-03-31", firm: "Renamed LLP" }),
    });
    expect(saved.data.version).toBe(2);

    const published = await publishAttestation(draft.data.id, {
      version: 2,
      input: validAttestation(issuer.slug, { asOf: "2025-03-31", firm: "Renamed LLP", publishedOn: "2025-04-20" }),
    });
    expect(published.data.state).toBe("published");
    expect(published.tags).toEqual([`issuer:${issuer.slug}`, "attestations"]);

    const corrected = await correctAttestation(draft.data.id, {
      version: published.data.version,
      reason: "The report restated total reserves",
      input: validAttestation(issuer.slug, {
        asOf: "2025-03-31",
        firm: "Renamed LLP",
        publishedOn: "2025-04-20",
        totalReserves: { value: "1020000", precision: "exact" },
        composition: [
          { category: "tbills_93d", amountUsd: { value: "820000", precision: "exact" }, sharePct: null },
          { category: "cash_deposits", amountUsd: { value: "200000", precision: "exact" }, sharePct: null },
        ],
      }),
    });
    expect(corrected.data).toMatchObject({ state: "published", revision: 2 });

    actAs(admin);
    const retracted = await retractAttestation(draft.data.id, { version: corrected.data.version, reason: "The firm withdrew its report" });
    expect(retracted.data.state).toBe("retracted");

    const stored = await prisma.attestation.findUniqueOrThrow({ where: { id: draft.data.id }, include: { revisions: true } });
    expect(stored.totalReserves?.toString()).toBe("1020000");
    expect(stored.retractedReason).toBe("The firm withdrew its report");
    expect(stored.revisions.map((r) => [r.revision, r.reason])).toEqual([[1, "The report restated total reserves"]]);
    expect((stored.revisions[0]!.snapshot as { totalReserves: { value: string } }).totalReserves.value).toBe("1010000");

    const audit = await auditOf(draft.data.id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "publish", "correct", "retract"]);
    expect(audit.map((a) => a.actorId)).toEqual([editor.id, editor.id, editor.id, editor.id, admin.id]);
    expect(audit.map((a) => a.actorLabel)).toEqual(["Eve Editor", "Eve Editor", "Eve Editor", "Eve Editor", "Ada Admin"]);
    const [create, update, publish, correct, retract] = audit;
    expect(create!.before).toBeNull();
    expect(create!.after).toMatchObject({ firm: "Test Assurance LLP" });
    expect(update!.before).toMatchObject({ firm: "Test Assurance LLP" });
    expect(update!.after).toMatchObject({ firm: "Renamed LLP" });
    expect(publish!.before).toMatchObject({ state: "draft", publishedOn: null });
    expect(publish!.after).toMatchObject({ state: "published", publishedOn: "2025-04-20" });
    expect(correct!.before).toMatchObject({ totalReserves: { value: "1010000" } });
    expect(correct!.after).toMatchObject({ totalReserves: { value: "1020000" } });
    expect(retract!.after).toMatchObject({ state: "retracted", retractedReason: "The firm withdrew its report" });
  });

  it("shows the published figures, the revision and the retraction on the public read model", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(editor);
    const d = await createAttestationDraft({ input: validAttestation(issuer.slug, { asOf: "2025-05-31" }) });
    let profile = await getIssuerProfile(issuer.slug);
    expect(profile!.attestations).toHaveLength(0); // drafts never leave the editor area
    const p = await publishAttestation(d.data.id, {
      version: d.data.version,
      input: validAttestation(issuer.slug, { asOf: "2025-05-31" }),
    });
    await correctAttestation(d.data.id, {
      version: p.data.version,
      reason: "typo in tokens",
      input: validAttestation(issuer.slug, { asOf: "2025-05-31", tokensOutstanding: { value: "1005000", precision: "exact" } }),
    });
    profile = await getIssuerProfile(issuer.slug);
    expect(profile!.attestations).toHaveLength(1);
    expect(profile!.attestations[0]!.tokensOutstanding).toEqual({ value: "1005000", precision: "exact" });
    expect(profile!.attestations[0]!.revisions[0]!.previous.tokensOutstanding).toEqual({ value: "1000000", precision: "exact" });
  });

  it("refuses to publish without a report URL or source URL, and stores nothing", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(editor);
    const input = validAttestation(issuer.slug, { reportUrl: null });
    const d = await createAttestationDraft({ input });
    const err = await refusal(publishAttestation(d.data.id, { version: 1, input }));
    expect(err.kind).toBe("validation");
    expect(err.details.fieldErrors?.reportUrl?.[0]).toMatch(/required to publish/);
    expect((await prisma.attestation.findUniqueOrThrow({ where: { id: d.data.id } })).state).toBe("draft");
  });

  it("refuses a duplicate as-of date (same issuer, as-of, report type) with a link to the existing report", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(editor);
    const first = await createAttestationDraft({ input: validAttestation(issuer.slug, { asOf: "2025-02-28" }) });
    const err = await refusal(createAttestationDraft({ input: validAttestation(issuer.slug, { asOf: "2025-02-28" }) }));
    expect(err.kind).toBe("duplicate");
    expect(err.status).toBe(409);
    expect(err.details.existing).toEqual({ id: first.data.id, href: `/editor/attestations/${first.data.id}` });
    expect(err.details.fieldErrors?.asOf).toBeDefined();
    // another report type on the same date is another report
    await expect(
      createAttestationDraft({ input: validAttestation(issuer.slug, { asOf: "2025-02-28", reportType: "audit" }) }),
    ).resolves.toBeTruthy();
    expect(await prisma.attestation.count({ where: { issuerId: issuer.id } })).toBe(2);
  });

  it("accepts a new report's envelope with an empty version (as the form sends it)", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(editor);
    await expect(createAttestationDraft({ version: null, input: validAttestation(issuer.slug) })).resolves.toMatchObject({
      data: { version: 1 },
    });
  });

  it("accepts a month-only as-of date and stores it as the month with month precision", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(editor);
    const d = await createAttestationDraft({ input: validAttestation(issuer.slug, { asOf: "2024-11" }) });
    const stored = await prisma.attestation.findUniqueOrThrow({ where: { id: d.data.id } });
    expect(stored.asOf.toISOString().slice(0, 10)).toBe("2024-11-01");
    expect(stored.asOfPrecision).toBe("month");
  });

  it("saves coverage under 100% and a publication lag over 90 days, with warnings", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(editor);
    const d = await createAttestationDraft({
      input: validAttestation(issuer.slug, {
        asOf: "2024-01-31",
        publishedOn: "2024-06-30",
        totalReserves: { value: "950000", precision: "exact" },
        composition: [{ category: "tbills_93d", amountUsd: { value: "950000", precision: "exact" }, sharePct: null }],
      }),
    });
    expect(d.data.warnings.map((w) => w.field).sort()).toEqual(["publishedOn", "totalReserves"]);
    expect(d.data.warnings.find((w) => w.field === "totalReserves")!.message).toMatch(/Coverage is 95\.00%/);
    expect(d.data.warnings.find((w) => w.field === "publishedOn")!.message).toMatch(/Published 151 days after/);
    expect(await prisma.attestation.count({ where: { id: d.data.id } })).toBe(1);
  });

  it("refuses composition lines that exceed total reserves beyond the tolerance, but keeps a partial capture", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(editor);
    const over = await refusal(
      createAttestationDraft({
        input: validAttestation(issuer.slug, {
          composition: [{ category: "tbills_93d", amountUsd: { value: "1200000", precision: "exact" }, sharePct: null }],
        }),
      }),
    );
    expect(over.details.fieldErrors?.composition?.[0]).toMatch(/exceed total reserves by 18\.81 points \(tolerance 0\.5 points\)/);
    // within 0.5 points: fine
    await expect(
      createAttestationDraft({
        input: validAttestation(issuer.slug, {
          composition: [{ category: "tbills_93d", amountUsd: { value: "1014000", precision: "exact" }, sharePct: null }],
        }),
      }),
    ).resolves.toBeTruthy();
    const partial = await createAttestationDraft({
      input: validAttestation(issuer.slug, {
        composition: [{ category: "tbills_93d", amountUsd: { value: "500000", precision: "exact" }, sharePct: null }],
      }),
    });
    expect(partial.data.warnings.find((w) => w.field === "composition")!.message).toMatch(/not captured by us/);
  });

  it("keeps published reports out of draft saves and lets only an admin retract", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(editor);
    const d = await createAttestationDraft({ input: validAttestation(issuer.slug, { asOf: "2025-01-31" }) });
    const p = await publishAttestation(d.data.id, { version: 1, input: validAttestation(issuer.slug, { asOf: "2025-01-31" }) });
    const viaDraft = await refusal(
      saveAttestationDraft(d.data.id, {
        version: p.data.version,
        input: validAttestation(issuer.slug, { asOf: "2025-01-31", firm: "Sneaky edit" }),
      }),
    );
    expect(viaDraft.kind).toBe("state");
    const byEditor = await refusal(retractAttestation(d.data.id, { version: p.data.version, reason: "not allowed" }));
    expect(byEditor.kind).toBe("forbidden");
    const stored = await prisma.attestation.findUniqueOrThrow({ where: { id: d.data.id } });
    expect([stored.state, stored.firm]).toEqual(["published", "Test Assurance LLP"]);
    const noChange = await refusal(
      correctAttestation(d.data.id, {
        version: p.data.version,
        reason: "nothing",
        input: validAttestation(issuer.slug, { asOf: "2025-01-31" }),
      }),
    );
    expect(noChange.message).toMatch(/Nothing differs/);
    const noReason = await refusal(
      correctAttestation(d.data.id, { version: p.data.version, input: validAttestation(issuer.slug, { asOf: "2025-01-31", firm: "x" }) }),
    );
    expect(noReason.details.fieldErrors?.reason).toBeDefined();
  });

  it("refuses every write from an anonymous caller before reading its input", async () => {
    actAs(null);
    const err = await refusal(createAttestationDraft({ input: { issuerSlug: "whatever", asOf: daysFromToday(-1) } }));
    expect([err.kind, err.status]).toEqual(["unauthenticated", 401]);
  });
});
