import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { PHASE_PRODUCTION_BUILD } from "next/constants";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

// /embed/* pages are plain HTML with an inline SVG: nothing runs, so nothing but
// inline styles (ECharts writes style attributes) is allowed; any site may frame them.
const EMBED_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never overwrite a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  cacheComponents: true,
  // pg-boss (jobs) is a Node library with its own pg pool: loaded from node_modules, never bundled;
  // redis: the cache handlers (lib/cache-handlers/) load it outside the bundle; the health route shares their client.
  serverExternalPackages: ["pg-boss", "redis", "@redis/client"],
  partialPrefetching: false,
  poweredByHeader: false,
  // Next hashes every page it sends (FNV in JavaScript over the whole HTML, per request): on a
  // cached issuer page that was the largest single cost. scripts/server.ts sets a strong ETag
  // once per page version instead (native SHA-1) and answers If-None-Match itself.
  generateEtags: false,
  // Test and benchmark builds (tests/support/cluster.ts) skip Next's type check: `npm test` runs tsc as a step of its own.
  typescript: { ignoreBuildErrors: process.env.USD1_BUILD_SKIP_TYPECHECK === "1" },
  reactStrictMode: true,
  typedRoutes: false,
  // Addresses from before the site spoke three languages keep working: English lived at the root.
  async redirects() {
    const pages = [
      "issuers/:path*",
      "compare",
      "attestations",
      "stress",
      "methodology",
      "changelog",
      "data",
      "about",
      "sources",
      "corrections/:path*",
      "learn/:path*",
      "learn",
    ];
    return pages.map((p) => ({ source: `/${p}`, destination: `/en/${p}`, permanent: true }));
  },
  async headers() {
    // Static headers here, not in a proxy: a proxy on every path halves throughput
    // (docs/stack.md, "No proxy on public pages").
    return [
      { source: "/:path*", headers: securityHeaders },
      // No page may be framed (clickjacking) except the embeddable charts, which exist to be.
      { source: "/:path((?!embed/).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      { source: "/embed/:path*", headers: [{ key: "Content-Security-Policy", value: EMBED_CSP }] },
    ];
  },
};

/**
 * With REDIS_URL set when the server starts, both of Next's caches live in Redis, so every
 * instance sees every publish (docs/stack.md, "Several instances: Redis"): full-route
 * entries (`cacheHandler`), 'use cache' entries (`cacheHandlers`, both kinds) and, in those
 * handlers, the tag state; nothing is kept in the process (`cacheMaxMemorySize: 0`).
 * Without it, Next's own in-process cache. This file is evaluated again by `next start` /
 * scripts/server.ts, so the same build serves either way; `next build` itself always
 * prerenders with the in-process cache (the Redis handler never reads those files).
 */
export function cacheConfig(phase: string, env: Record<string, string | undefined> = process.env): Partial<NextConfig> {
  if (!env.REDIS_URL || phase === PHASE_PRODUCTION_BUILD) return {};
  const dir = path.join(typeof __dirname === "string" ? __dirname : process.cwd(), "lib", "cache-handlers");
  const useCache = path.join(dir, "use-cache.mjs");
  return {
    cacheHandler: path.join(dir, "incremental.mjs"),
    cacheHandlers: { default: useCache, remote: useCache },
    cacheMaxMemorySize: 0,
  };
}

export default function config(phase: string): NextConfig {
  return withNextIntl({ ...nextConfig, ...cacheConfig(phase) });
}
