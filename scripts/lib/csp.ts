// Content-Security-Policy for HTML answered from Next's cache. Nonces reach
// only dynamically rendered pages (and made them ~12x slower), and hashes fixed
// at build break after the next publish (docs/stack.md, "Content-Security-Policy"). So each HTML response's
// inline scripts are hashed as it leaves the server: `script-src 'self'` plus
// exactly those hashes, nothing else inline.
import { createHash } from "node:crypto";

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const attrs = m[1] ?? "";
    if (/\bsrc\s*=/.test(attrs)) continue;
    // JSON data blocks do not execute and need no hash.
    if (/\btype\s*=\s*["']?application\/(ld\+)?json/i.test(attrs)) continue;
    hashes.add(
      `'sha256-${createHash("sha256")
        .update(m[2] ?? "", "utf8")
        .digest("base64")}'`,
    );
  }
  return [...hashes];
}

export function contentSecurityPolicy(hashes: string[], opts: { embeddable: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${opts.embeddable ? "*" : "'none'"}`,
  ].join("; ");
}
