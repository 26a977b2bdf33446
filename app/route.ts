// "/" picks a language from Accept-Language and redirects to /en, /es or /pt.
// A route handler, not a middleware: public pages never pass through a proxy
// (docs/stack.md, "No proxy on public pages": one on every path halved throughput). The Location is relative so
// it is right behind any proxy; Vary tells caches the answer depends on the header.
import { negotiateLocale } from "@/i18n/routing";

export function GET(req: Request): Response {
  const locale = negotiateLocale(req.headers.get("accept-language"));
  return new Response(null, {
    status: 307,
    headers: { location: `/${locale}`, vary: "Accept-Language", "cache-control": "private, max-age=0" },
  });
}
