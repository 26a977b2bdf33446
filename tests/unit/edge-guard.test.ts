import { describe, expect, it } from "vitest";

import { edgeRefusal } from "../../scripts/lib/edge-guard";

describe("requests refused at the edge with a plain answer", () => {
  it("refuses addresses whose escapes are not UTF-8 or hold a NUL, and lets ordinary ones through", () => {
    expect(edgeRefusal({ url: "/en/issuers/%C0%AF", headers: {} })?.status).toBe(400);
    expect(edgeRefusal({ url: "/api/v1/issuers/%00", headers: {} })?.status).toBe(404);
    expect(edgeRefusal({ url: "/en?issuers=%E0%A4%A", headers: {} })?.status).toBe(400);
    expect(edgeRefusal({ url: "/en/issuers/tether?x=caf%C3%A9", headers: {} })).toBeNull();
    expect(edgeRefusal({ url: `/en/issuers/${"a".repeat(1500)}`, headers: {} })?.status).toBe(404);
    for (const climb of ["/en/issuers/%2e%2e", "/en/issuers/..%2F..%2Fetc%2Fpasswd", "/%2E/issuers/tether", "/en/issuers/a%5Cb"]) {
      expect(edgeRefusal({ url: climb, headers: {} })?.status, climb).toBe(404);
    }
  });
  it("refuses a server action from another origin with 403, and allows the same origin", () => {
    const action = { method: "POST", url: "/editor/issuers", headers: { "next-action": "abc", host: "app.example" } };
    expect(edgeRefusal({ ...action, headers: { ...action.headers, origin: "https://evil.example" } })?.status).toBe(403);
    expect(edgeRefusal({ ...action, headers: { ...action.headers, origin: "null" } })?.status).toBe(403);
    expect(edgeRefusal({ ...action, headers: { ...action.headers, "sec-fetch-site": "cross-site" } })?.status).toBe(403);
    expect(edgeRefusal({ ...action, headers: { ...action.headers, origin: "https://app.example" } })).toBeNull();
  });
});
