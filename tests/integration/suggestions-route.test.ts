// The public form's route handler: a form post answers 303 to the follow link,
// a refusal answers an escaped HTML page with the reason, and JSON is refused.
import { afterAll, describe, expect, it, vi } from "vitest";

import { issueFormStamp } from "@/lib/server/suggestions/tokens";
import { POST } from "@/app/[locale]/issuers/[slug]/suggest/submit/route";

import { makeIssuer, testPrisma, unique } from "../support/db";
import { pointAppAtRunDatabase } from "../support/editor";

vi.mock("next/cache", async (original) => ({ ...(await original<object>()), revalidateTag: vi.fn(), updateTag: vi.fn() }));
pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

const post = (slug: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  POST(
    new Request(`http://localhost/issuers/${slug}/suggest/submit`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": unique("198.51.100"), ...headers },
      body: new URLSearchParams(body).toString(),
    }),
    { params: Promise.resolve({ locale: "en", slug }) },
  );

describe("POST /issuers/[slug]/suggest/submit", () => {
  it("answers 303 to the one-time follow link, and an escaped refusal page otherwise", async () => {
    const issuer = await makeIssuer(prisma);
    const ok = await post(issuer.slug, {
      stamp: issueFormStamp(Date.now() - 5000),
      website: "",
      field: "other",
      figure: "<b>bold</b>",
      proposedValue: "x",
      sourceUrl: "https://example.org/a",
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toMatch(/^\/en\/corrections\/[A-Za-z0-9_-]{32}\?new=1$/);

    const bad = await post(issuer.slug, {
      stamp: issueFormStamp(Date.now() - 5000),
      field: "other",
      figure: "",
      proposedValue: "x",
      sourceUrl: "javascript:alert(1)",
    });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Your suggestion was not saved");
    expect(html).toContain("Source URL: must be a web address");
    expect(html).not.toContain("<script");

    const json = await POST(
      new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      { params: Promise.resolve({ locale: "en", slug: issuer.slug }) },
    );
    expect(json.status).toBe(415);
    const cross = await post(issuer.slug, {}, { "sec-fetch-site": "cross-site" });
    expect(cross.status).toBe(403);
    expect(await prisma.correctionSuggestion.count({ where: { issuerId: issuer.id } })).toBe(1);
  });
});
