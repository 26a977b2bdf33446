import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

// /embed/* pages are plain HTML with an inline SVG: nothing runs, so nothing but
// inline styles (ECharts writes style attributes) is allowed; any site may frame them.
const EMBED_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never overwrite a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  cacheComponents: true,
  // pg-boss (jobs) is a Node library with its own pg pool: loaded from node_modules, never bundled.
  serverExternalPackages: ["pg-boss"],
  partialPrefetching: false,
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // Addresses from before the site spoke three languages keep working: English lived at the root.
  async redirects() {
    const pages = ["issuers/:path*", "compare", "attestations", "stress", "methodology", "changelog", "data", "about", "sources", "corrections/:path*", "learn/:path*", "learn"];
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

export default withNextIntl(nextConfig);
