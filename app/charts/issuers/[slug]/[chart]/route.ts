import type { IssuerCharts } from "@/lib/charts/issuer-specs";
import { standaloneSvg } from "@/lib/charts/render";
import { getIssuerCharts } from "@/lib/server/queries/issuer-charts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/routing";

const CHARTS: Record<string, keyof IssuerCharts> = {
  "composition-share.svg": "compositionShare",
  "composition-usd.svg": "compositionUsd",
  "coverage.svg": "coverage",
  "cadence.svg": "cadence",
};

/**
 * An issuer page's chart as an SVG file. The page links it with ?v=<content
 * hash>, so a matching request may be cached for good; any other is short-lived.
 * ?lang=es|pt draws it in that language (anything else: English); each language
 * has its own version, so a cached file never answers for another language.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; chart: string }> }) {
  const { slug, chart } = await params;
  const search = new URL(request.url).searchParams;
  const lang = search.get("lang");
  const locale: Locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const key = CHARTS[chart];
  const charts = key ? await getIssuerCharts(slug, locale) : null;
  const rendered = key && charts ? charts[key] : null;
  if (!rendered) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  const version = rendered.version;
  const immutable = search.get("v") === version;
  return new Response(standaloneSvg(rendered.svg), {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=60, s-maxage=300",
      // An image document: no scripts at all, and its own inline <style> for dark mode.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      etag: `"${version}"`,
    },
  });
}
