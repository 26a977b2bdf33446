import type { IssuerCharts } from "@/lib/charts/issuer-specs";
import { standaloneSvg } from "@/lib/charts/render";
import { isChartSize } from "@/lib/charts/sizes";
import { getIssuerCharts } from "@/lib/server/queries/issuer-charts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/routing";

const CHARTS: Record<string, keyof IssuerCharts> = {
  "composition-share": "compositionShare",
  "composition-usd": "compositionUsd",
  coverage: "coverage",
  cadence: "cadence",
};

/**
 * An issuer page's chart as an SVG file (<chart>.svg), or as the ECharts option the live
 * chart draws (<chart>.json, for charts light enough to go live; fetched on the reader's
 * first interaction instead of travelling in every page). The page links it with ?v=<content
 * hash>, so a matching request may be cached for good; any other is short-lived.
 * ?lang=es|pt draws it in that language (anything else: English); each language
 * has its own version, so a cached file never answers for another language.
 * ?size=narrow draws it for phones (CHART_SIZES; anything else: wide), again with a version of its own.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string; chart: string }> }) {
  const { slug, chart } = await params;
  const [, name = "", format] = /^(.+)\.(svg|json)$/.exec(chart) ?? [];
  const search = new URL(request.url).searchParams;
  const lang = search.get("lang");
  const locale: Locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const size = search.get("size");
  const key = Object.hasOwn(CHARTS, name) ? CHARTS[name] : undefined;
  const charts = key ? await getIssuerCharts(slug, locale, isChartSize(size) ? size : "wide") : null;
  const rendered = key && charts ? charts[key] : null;
  if (!rendered || (format === "json" && !rendered.interactive))
    return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  const version = rendered.version;
  const immutable = search.get("v") === version;
  const cacheControl = immutable ? "public, max-age=31536000, immutable" : "public, max-age=60, s-maxage=300";
  if (format === "json") {
    return Response.json(rendered.interactive, { headers: { "cache-control": cacheControl, etag: `"${version}"` } });
  }
  return new Response(standaloneSvg(rendered.svg), {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": cacheControl,
      // An image document: no scripts at all, and its own inline <style> for dark mode.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      etag: `"${version}"`,
    },
  });
}
