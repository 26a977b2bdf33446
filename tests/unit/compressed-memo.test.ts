// The CSP layer's compression: which encoding a client gets, and the memo's bounds.
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";

import {
  bodyEtag,
  chooseEncoding,
  compress,
  CompressedMemo,
  etagMatches,
  isDocumentRequest,
  PageMemo,
} from "../../scripts/lib/compressed-memo";

describe("chooseEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, deflate")).toBe("gzip");
    expect(chooseEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseEncoding("*;q=0")).toBeNull();
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(chooseEncoding("*")).toBe("br");
  });
});

describe("compress", () => {
  it("round-trips in both encodings", () => {
    const body = Buffer.from("<html>" + "<p>reserve report</p>".repeat(500) + "</html>");
    expect(zlib.brotliDecompressSync(compress(body, "br", "once")).equals(body)).toBe(true);
    expect(zlib.gunzipSync(compress(body, "gzip", "each")).equals(body)).toBe(true);
  });
});

describe("CompressedMemo", () => {
  it("keeps entries per ETag and encoding, and drops the least recently used beyond its bytes", () => {
    const memo = new CompressedMemo(10);
    memo.set('"a"', "br", Buffer.alloc(4));
    memo.set('"a"', "gzip", Buffer.alloc(4));
    expect(memo.get('"a"', "br")?.length).toBe(4);
    memo.set('"b"', "br", Buffer.alloc(4)); // 12 bytes: the oldest unused (a/gzip) goes
    expect(memo.get('"a"', "gzip")).toBeUndefined();
    expect(memo.get('"a"', "br")).toBeDefined();
    expect(memo.size).toEqual({ entries: 2, bytes: 8 });
    memo.set('"huge"', "br", Buffer.alloc(11));
    expect(memo.get('"huge"', "br")).toBeUndefined();
  });
});

describe("isDocumentRequest", () => {
  const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
  it("takes page navigations, never RSC, API, downloads or Next's files", () => {
    expect(isDocumentRequest("GET", "/en/issuers/tether", html)).toBe(true);
    expect(isDocumentRequest("HEAD", "/en", html)).toBe(true);
    expect(isDocumentRequest("POST", "/en", html)).toBe(false);
    expect(isDocumentRequest("GET", "/en/issuers/tether", { ...html, rsc: "1" })).toBe(false);
    expect(isDocumentRequest("GET", "/data/reports.csv", html)).toBe(false);
    expect(isDocumentRequest("GET", "/api/v1/issuers", html)).toBe(false);
    expect(isDocumentRequest("GET", "/_next/static/chunks/a.js", html)).toBe(false);
    expect(isDocumentRequest("GET", "/en", { accept: "*/*" })).toBe(false);
  });
});

describe("page ETags and the page memo", () => {
  it("gives the same strong ETag for the same bytes and a different one for any change", () => {
    const a = bodyEtag(Buffer.from("<p>≈ $1.2 B</p>"));
    expect(a).toMatch(/^"[\w-]{27}"$/);
    expect(bodyEtag(Buffer.from("<p>≈ $1.2 B</p>"))).toBe(a);
    expect(bodyEtag(Buffer.from("<p>≈ $1.3 B</p>"))).not.toBe(a);
  });

  it("matches If-None-Match lists, weak forms and *", () => {
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });

  it("finds a page by its HTML (the same text in another string too) and forgets the oldest beyond its size", () => {
    const memo = new PageMemo(10);
    const page = "<p>12345</p>".slice(0, 6); // "<p>123": 6 characters
    memo.set(page, { etag: '"1"', policy: "p1" });
    expect(memo.get(page)?.etag).toBe('"1"');
    expect(memo.get(["<p>", "123"].join(""))?.policy).toBe("p1");
    memo.set("abcd", { etag: '"2"', policy: "p2" });
    expect(memo.size).toEqual({ entries: 2, chars: 10 });
    memo.get(page); // now the most recently used
    memo.set("xyz", { etag: '"3"', policy: "p3" });
    expect(memo.get("abcd")).toBeUndefined();
    expect(memo.get(page)?.etag).toBe('"1"');
    memo.set("x".repeat(11), { etag: '"4"', policy: "p4" });
    expect(memo.get("x".repeat(11))).toBeUndefined();
  });
});
