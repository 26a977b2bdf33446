// The one follow-request schema (lib/domain/alerts/subscription-request.ts).
import { describe, expect, it } from "vitest";

import { isPlausibleEmail, subscriptionRequest, webhookUrlProblem } from "@/lib/domain/alerts/subscription-request";

const fieldsOf = (raw: unknown) => {
  const r = subscriptionRequest.safeParse(raw);
  return r.success ? [] : [...new Set(r.error.issues.map((i) => i.path.join(".")))].sort();
};

describe("a follow request", () => {
  it("takes an e-mail follow of one issuer, from JSON or form strings", () => {
    expect(
      subscriptionRequest.parse({
        channel: "email",
        address: " Jane@Example.ORG ",
        locale: "es",
        issuer: "acme-usd",
        kinds: ["report_overdue", "report_published", "report_published"],
        digest: "on",
      }),
    ).toEqual({
      channel: "email",
      address: "jane@example.org",
      locale: "es",
      issuerSlug: "acme-usd",
      kinds: ["report_published", "report_overdue"],
      digest: true,
    });
    expect(subscriptionRequest.parse({ email: "a@b.co", kinds: "stress_event" })).toMatchObject({
      channel: "email",
      locale: "en",
      issuerSlug: null,
      kinds: ["stress_event"],
      digest: false,
    });
    expect(subscriptionRequest.parse({ url: "https://hooks.example.org/x?k=1", kinds: ["price_band"], issuer: "all" })).toMatchObject({
      channel: "webhook",
      address: "https://hooks.example.org/x?k=1",
      issuerSlug: null,
    });
  });

  it("refuses every wrong field at once", () => {
    expect(fieldsOf({})).toEqual(["address", "channel", "kinds"]);
    expect(fieldsOf({ channel: "email", address: "not-an-address", kinds: [], locale: "fr", issuer: "Bad Slug" })).toEqual([
      "address",
      "issuer",
      "kinds",
      "locale",
    ]);
    expect(fieldsOf({ channel: "email", address: "a@b.co", kinds: ["report_published", "bogus"] })).toEqual(["kinds"]);
    expect(fieldsOf({ channel: "webhook", address: "ftp://x.example/", kinds: ["report_published"] })).toEqual(["address"]);
    expect(fieldsOf({ channel: "webhook", address: "https://x.example/", kinds: ["report_published"], digest: true })).toEqual(["digest"]);
    expect(fieldsOf({ channel: "email", address: "a@b.co", kinds: ["report_published"], website: "http://spam" })).toEqual(["website"]);
    expect(fieldsOf({ channel: "email", address: "a@b.co\r\nBcc: x@y.z", kinds: ["report_published"] })).toEqual(["address"]);
  });

  it("judges e-mail addresses and webhook URLs plausibly", () => {
    for (const ok of ["a@b.co", "first.last+tag@sub.example.org", "x_y@example.travel"]) expect(isPlausibleEmail(ok), ok).toBe(true);
    for (const bad of [
      "a@b",
      "@b.co",
      "a@@b.co",
      "a b@c.co",
      "a@b.c",
      ".a@b.co",
      "a..b@c.co",
      "a@-b.co",
      `${"a".repeat(65)}@b.co`,
      "<a@b.co>",
    ])
      expect(isPlausibleEmail(bad), bad).toBe(false);
    expect(webhookUrlProblem("https://hooks.example.org/a")).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:8080/x")).toBeNull(); // addresses are judged after resolution, on the server
    expect(webhookUrlProblem("https://user:pw@hooks.example.org/")).toMatch(/user name/);
    expect(webhookUrlProblem("https://hooks.example.org/#x")).toMatch(/fragment/);
    expect(webhookUrlProblem("javascript:alert(1)")).toMatch(/https/);
  });
});
