import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { CommandError } from "@/lib/server/commands/errors";
import { markIssuerReviewed } from "@/lib/server/commands/reviews";
import { editorIssuerList, staleIssuers } from "@/lib/server/queries/editor/issuers";
import { getIssuerProfile } from "@/lib/server/queries/issuer";

import { makeIssuer, testPrisma } from "../support/db";
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
beforeAll(async () => {
  editor = await makeUser(prisma, { role: "editor", name: "Rita Review" });
});

describe("last reviewed", () => {
  it("records a review with its note and an audit entry, changes neither the issuer's data nor its version, and shows the display name publicly", async () => {
    const issuer = await makeIssuer(prisma);
    const before = await prisma.issuer.findUniqueOrThrow({ where: { id: issuer.id } });
    actAs(editor);
    const written = await markIssuerReviewed({ slug: issuer.slug, note: "checked the March report against the PDF" });
    expect(written.tags).toContain(`issuer:${issuer.slug}`);
    const after = await prisma.issuer.findUniqueOrThrow({ where: { id: issuer.id } });
    expect(after.version).toBe(before.version);
    expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    const reviews = await prisma.issuerReview.findMany({ where: { issuerId: issuer.id } });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.note).toBe("checked the March report against the PDF");
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entityType: "issuer", entityId: issuer.id, action: "review" } });
    expect(entry.actorLabel).toBe("Rita Review");
    const profile = await getIssuerProfile(issuer.slug);
    expect(profile!.lastReview).toEqual({ reviewedOn: written.data.reviewedAt.slice(0, 10), reviewer: "Rita Review" });
    expect(JSON.stringify(profile!.lastReview)).not.toContain("@");
  });

  it("refuses anonymous callers and unknown issuers, writing nothing", async () => {
    const issuer = await makeIssuer(prisma);
    actAs(null);
    await expect(markIssuerReviewed({ slug: issuer.slug })).rejects.toBeInstanceOf(Error);
    actAs(editor);
    const err = await markIssuerReviewed({ slug: "no-such-issuer" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    expect((err as CommandError).status).toBe(404);
    const long = await markIssuerReviewed({ slug: issuer.slug, note: "x".repeat(501) }).catch((e: unknown) => e);
    expect((long as CommandError).status).toBe(400);
    expect(await prisma.issuerReview.count({ where: { issuerId: issuer.id } })).toBe(0);
  });

  it("lists as stale the issuers never reviewed or reviewed longer ago than the threshold, oldest first", async () => {
    const fresh = await makeIssuer(prisma);
    const old = await makeIssuer(prisma);
    const never = await makeIssuer(prisma);
    actAs(editor);
    await markIssuerReviewed({ slug: fresh.slug });
    await prisma.issuerReview.create({
      data: { issuerId: old.id, reviewerId: editor.id, reviewedAt: new Date(Date.now() - 40 * 86_400_000) },
    });
    const list = await editorIssuerList();
    const slugs = (days: number) => staleIssuers(list, days, new Date()).map((i) => i.slug);
    expect(slugs(30)).toContain(old.slug);
    expect(slugs(30)).toContain(never.slug);
    expect(slugs(30)).not.toContain(fresh.slug);
    expect(slugs(30).indexOf(never.slug)).toBeLessThan(slugs(30).indexOf(old.slug));
    expect(slugs(60)).not.toContain(old.slug);
    expect(slugs(60)).toContain(never.slug);
  });
});
