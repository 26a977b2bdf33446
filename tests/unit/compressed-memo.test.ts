// The CSP layer's compression: which encoding a client gets, and the memo's bounds.
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";

import { chooseEncoding, compress, CompressedMemo, isDocumentRequest } from "../../scripts/lib/compressed-memo";

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
