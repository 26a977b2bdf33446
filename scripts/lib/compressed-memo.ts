// Compressed HTML by ETag. A cached page is the same bytes for every reader until the
// next publish, yet Next compressed it again for each request: on a 200 KB issuer page
// that was most of the time a cached answer took. The CSP layer (scripts/server.ts)
// asks Next for the document uncompressed (it reads the body to hash its scripts
// anyway), compresses it once per ETag and encoding, and serves those bytes after.
import { createHash } from "node:crypto";
import zlib from "node:zlib";

export type Encoding = "br" | "gzip";

/** The best encoding the client accepts (q=0 refuses), or null. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").toLowerCase().split(",")) {
    const [name = "", ...params] = part.trim().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

/** Below this a compressed body is hardly smaller and costs a round of CPU. */
export const MIN_COMPRESS_BYTES = 1024;

export function compress(body: Buffer, encoding: Encoding, effort: "once" | "each"): Buffer {
  if (encoding === "br") {
    // Quality 9 once per cached page (a few ms per 100 KB), 4 for answers that are not reused.
    const quality = effort === "once" ? 9 : 4;
    return zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    });
  }
  return zlib.gzipSync(body, { level: effort === "once" ? 9 : 6 });
}

/** A least-recently-used memo bounded by the bytes it holds. */
export class CompressedMemo {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(etag: string, encoding: Encoding): Buffer | undefined {
    const key = `${encoding}:${etag}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(etag: string, encoding: Encoding, value: Buffer): void {
    const key = `${encoding}:${etag}`;
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    if (value.length > this.maxBytes) return;
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/**
 * Requests whose answer is most likely a page (navigations), which Next is asked to leave
 * uncompressed: never the API, downloads, feeds, charts, Next's own files or RSC requests,
 * which Next keeps compressing (and streaming) itself.
 */
export function isDocumentRequest(
  method: string | undefined,
  url: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): boolean {
  if (method !== "GET" && method !== "HEAD") return false;
  if (headers.rsc !== undefined || headers["next-router-prefetch"] !== undefined) return false;
  if (/^\/(?:_next|api|data|feeds|charts|embed)\//.test(url ?? "/")) return false;
  return /\btext\/html\b/.test(String(headers.accept ?? ""));
}

/** A strong ETag from the body's bytes: native SHA-1, the same on every instance for the same page. */
export function bodyEtag(body: Buffer): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/** True when an If-None-Match header names this ETag (weak or strong, or *). */
export function etagMatches(ifNoneMatch: string | string[] | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return String(ifNoneMatch)
    .split(",")
    .map((t) => t.trim())
    .some((t) => t === "*" || t.replace(/^W\//, "") === bare);
}

export interface PageFacts {
  etag: string;
  policy: string;
}

/**
 * What the CSP layer learns from a cached page's HTML (its ETag and its script policy),
 * remembered by the HTML itself. Next answers a cached page with the same string object
 * on every request (its in-process cache entry), so a lookup costs a pointer comparison;
 * a copy (the Redis handler's) costs one comparison of the text. Either way the page is
 * neither encoded, hashed nor scanned again until it changes. Next's own ETag (an FNV
 * hash in JavaScript over the whole page, per request) was the largest single cost of a
 * cached issuer page; next.config turns it off and this layer sets one per version.
 * Bounded by the characters of the pages it remembers, least recently used first out.
 */
export class PageMemo {
  private readonly entries = new Map<string, PageFacts>();
  private chars = 0;
  constructor(private readonly maxChars: number) {}

  get(html: string): PageFacts | undefined {
    const hit = this.entries.get(html);
    if (hit) {
      this.entries.delete(html);
      this.entries.set(html, hit);
    }
    return hit;
  }

  set(html: string, facts: PageFacts): void {
    if (html.length > this.maxChars) return;
    if (!this.entries.has(html)) this.chars += html.length;
    this.entries.delete(html);
    this.entries.set(html, facts);
    for (const k of this.entries.keys()) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(k);
      this.chars -= k.length;
    }
  }

  get size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.chars };
  }
}
