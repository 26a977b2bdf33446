import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { CommandError } from "@/lib/server/commands/errors";
import { acceptSuggestion, declineSuggestion, submitSuggestion } from "@/lib/server/commands/suggestions";
import { suggestionByFollowToken, suggestionQueue } from "@/lib/server/queries/suggestions";
import { issueFormStamp, sha256 } from "@/lib/server/suggestions/tokens";

import { makeAttestation, makeIssuer, testPrisma, unique } from "../support/db";
import { actAs, makeUser, pointAppAtRunDatabase } from "../support/editor";

vi.mock("next/cache", async (original) => ({
  ...(await original<object>()),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  cacheTag: () => {},
  cacheLife: () => {},
}));
pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let editor: Awaited<ReturnType<typeof makeUser>>;
let issuer: Awaited<ReturnType<typeof makeIssuer>>;
let report: Awaited<ReturnType<typeof makeAttestation>>;
beforeAll(async () => {
  editor = await makeUser(prisma, { role: "editor", name: "Sam Suggestions" });
  issuer = await makeIssuer(prisma);
  report = await makeAttestation(prisma, issuer.id, "2025-02-28");
  await prisma.attestation.update({
    where: { id: report.id },
    data: { state: "published", firstPublishedAt: new Date(), sourceUrl: "https://example.org/feb" },
  });
});

const fields = (overrides: Record<string, string | undefined> = {}) => ({
  stamp: issueFormStamp(Date.now() - 10_000),
  website: "",
  field: "total_reserves",
  figure: "Total reserves on 28 February",
  proposedValue: "1,100,000 per page 3",
  sourceUrl: "https://example.org/report-feb.pdf",
  contact: "reader@example.org",
  reportId: report.id,
  ...overrides,
});
const ip = () => `203.0.113.${Math.floor(Math.random() * 250)}-${unique("t")}`;
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof CommandError) return err;
    throw err;
  }
  throw new Error("expected the command to be refused");
};
const countFor = (issuerId: string) => prisma.correctionSuggestion.count({ where: { issuerId } });

describe("reader corrections", () => {
  it("stores a suggestion with a snapshot read from the stored report, not from the client", async () => {
    const { data } = await submitSuggestion(issuer.slug, fields({ snapshot: '{"totalReserves":"1"}' } as Record<string, string>), {
      ip: ip(),
    });
    const stored = await prisma.correctionSuggestion.findUniqueOrThrow({ where: { id: data.id } });
    expect(stored).toMatchObject({ status: "pending", attestationId: report.id, field: "total_reserves", contact: "reader@example.org" });
    const snap = stored.snapshot as { report: { id: string; totalReserves: { value: string }; tokensOutstanding: { value: string } } };
    expect(snap.report.id).toBe(report.id);
    expect(snap.report.totalReserves.value).toBe("1010000");
    expect(snap.report.tokensOutstanding.value).toBe("1000000");
    // only the token's hash is stored
    expect(stored.followTokenHash).toBe(sha256(data.token));
    expect(JSON.stringify(stored)).not.toContain(data.token);
    expect(data.followPath).toBe(`/corrections/${data.token}`);
  });

  it("refuses the 6th suggestion from one IP within the hour with a clear message, and stores nothing", async () => {
    const from = ip();
    const own = await makeIssuer(prisma);
    for (let i = 0; i < 5; i++) await submitSuggestion(own.slug, fields({ reportId: "" }), { ip: from });
    const err = await refusal(submitSuggestion(own.slug, fields({ reportId: "" }), { ip: from }));
    expect(err.kind).toBe("rate_limited");
    expect(err.status).toBe(429);
    expect(err.message).toMatch(/Too many suggestions from your network: at most 5 an hour\. Nothing was saved/);
    expect(await countFor(own.id)).toBe(5);
    // another network is not affected, and a suggestion older than the window no longer counts
    await submitSuggestion(own.slug, fields({ reportId: "" }), { ip: ip() });
    await submitSuggestion(own.slug, fields({ reportId: "", stamp: issueFormStamp(Date.now() + 3600_000 - 10_000) }), {
      ip: from,
      now: Date.now() + 3600_000 + 1000,
    });
    expect(await countFor(own.id)).toBe(7);
  });

  it("refuses a filled honeypot, a too-fast submission and a forged stamp", async () => {
    const own = await makeIssuer(prisma);
    const honeypot = await refusal(submitSuggestion(own.slug, fields({ reportId: "", website: "http://spam.example" }), { ip: ip() }));
    expect(honeypot.message).toMatch(/looks automated/);
    const fast = await refusal(submitSuggestion(own.slug, fields({ reportId: "", stamp: issueFormStamp(Date.now() - 500) }), { ip: ip() }));
    expect(fast.message).toMatch(/within a few seconds/);
    const forged = await refusal(
      submitSuggestion(own.slug, fields({ reportId: "", stamp: `${Date.now() - 60_000}.forged` }), { ip: ip() }),
    );
    expect(forged.message).toMatch(/expired or was altered/);
    const stale = await refusal(
      submitSuggestion(own.slug, fields({ reportId: "", stamp: issueFormStamp(Date.now() - 3 * 3600_000) }), { ip: ip() }),
    );
    expect(stale.message).toMatch(/expired/);
    const badUrl = await refusal(submitSuggestion(own.slug, fields({ reportId: "", sourceUrl: "javascript:alert(1)" }), { ip: ip() }));
    expect(badUrl.details.fieldErrors?.sourceUrl).toBeDefined();
    expect(await countFor(own.id)).toBe(0);
  });

  it("stores HTML as inert text", async () => {
    const html = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const { data } = await submitSuggestion(issuer.slug, fields({ figure: html, proposedValue: html, contact: html }), { ip: ip() });
    const stored = await prisma.correctionSuggestion.findUniqueOrThrow({ where: { id: data.id } });
    expect(stored.figure).toBe(html);
    expect(stored.proposedValue).toBe(html);
    // the follow view hands it to React as a string (escaped when rendered), never the contact
    const view = await suggestionByFollowToken(data.token);
    expect(view?.proposedValue).toBe(html);
  });

  it("refuses a suggestion for a retracted report or a draft", async () => {
    const retracted = await makeAttestation(prisma, issuer.id, "2024-11-30");
    await prisma.attestation.update({
      where: { id: retracted.id },
      data: { state: "retracted", retractedAt: new Date(), retractedReason: "withdrawn by the firm", sourceUrl: "https://example.org/nov" },
    });
    const err = await refusal(submitSuggestion(issuer.slug, fields({ reportId: retracted.id }), { ip: ip() }));
    expect(err.kind).toBe("state");
    expect(err.message).toMatch(/retracted \(withdrawn by the firm\).*not taken; nothing was saved/);
    const draft = await makeAttestation(prisma, issuer.id, "2024-10-31");
    expect((await refusal(submitSuggestion(issuer.slug, fields({ reportId: draft.id }), { ip: ip() }))).kind).toBe("not_found");
    expect(await prisma.correctionSuggestion.count({ where: { attestationId: { in: [retracted.id, draft.id] } } })).toBe(0);
  });

  it("follows the outcome by token without ever exposing the contact; unknown tokens find nothing", async () => {
    const contact = `secret-${unique("c")}@example.org`;
    const { data } = await submitSuggestion(issuer.slug, fields({ contact }), { ip: ip() });
    const view = await suggestionByFollowToken(data.token);
    expect(view).toMatchObject({ status: "pending", statusText: "pending", issuerSlug: issuer.slug });
    expect(JSON.stringify(view)).not.toContain(contact);
    expect(view).not.toHaveProperty("contact");
    expect(await suggestionByFollowToken("A".repeat(32))).toBeNull();
    expect(await suggestionByFollowToken("../../etc")).toBeNull();
  });

  it("lets editors accept or decline, each audited, and the reader's link shows the outcome", async () => {
    const a = await submitSuggestion(issuer.slug, fields(), { ip: ip() });
    const d = await submitSuggestion(issuer.slug, fields({ proposedValue: "ten times more" }), { ip: ip() });

    actAs(null);
    expect((await refusal(acceptSuggestion({ id: a.data.id }))).kind).toBe("unauthenticated");

    actAs(editor);
    const queue = await suggestionQueue();
    const queued = queue.find((s) => s.id === a.data.id)!;
    expect(queued.shown?.totalReserves?.value).toBe("1010000");
    expect(queued.current?.totalReserves?.value).toBe("1010000");
    expect(queue.findIndex((s) => s.status !== "pending")).not.toBe(0);

    const accepted = await acceptSuggestion({ id: a.data.id });
    expect(accepted.data.next).toBe(`/editor/attestations/${report.id}?suggestion=${a.data.id}`);
    expect((await refusal(acceptSuggestion({ id: a.data.id }))).kind).toBe("state");

    expect((await refusal(declineSuggestion({ id: d.data.id, reason: "" }))).details.fieldErrors?.reason).toBeDefined();
    await declineSuggestion({ id: d.data.id, reason: "The report says 1,010,000 on page 2" });

    const entries = await prisma.auditEntry.findMany({
      where: { entityType: "correction_suggestion", entityId: { in: [a.data.id, d.data.id] } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.entityId, e.action, e.actorId, e.actorLabel])).toEqual([
      [a.data.id, "accept", editor.id, "Sam Suggestions"],
      [d.data.id, "decline", editor.id, "Sam Suggestions"],
    ]);
    expect(entries[0]!.reason).toContain(a.data.id);
    expect(entries[1]!.reason).toBe("The report says 1,010,000 on page 2");

    expect((await suggestionByFollowToken(a.data.token))?.statusText).toBe("accepted");
    expect((await suggestionByFollowToken(d.data.token))?.statusText).toBe("declined: The report says 1,010,000 on page 2");
    const stored = await prisma.correctionSuggestion.findUniqueOrThrow({ where: { id: d.data.id } });
    expect(stored).toMatchObject({ status: "declined", decidedById: editor.id });
    expect(stored.decidedAt).not.toBeNull();
  });
});
