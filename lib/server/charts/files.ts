import "server-only";

// What the chart file routes share: reading a request for a chart file (which chart, which format, language and
// size, which version the page linked) and answering it (app/charts/issuers/…, app/charts/compare/…).
import type { ChartKey, RenderedChart } from "@/lib/charts/issuer-specs";
import { standaloneSvg } from "@/lib/charts/render";
import { isChartSize, type ChartSize } from "@/lib/charts/sizes";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/routing";

const CHARTS: Record<string, ChartKey> = {
  "composition-share": "compositionShare",
  "composition-usd": "compositionUsd",
  coverage: "coverage",
  cadence: "cadence",
};

export interface ChartFileRequest {
  key: ChartKey;
  format: "svg" | "json";
  /** ?lang=es|pt: drawn in that language (anything else: English). */
  locale: Locale;
  /** ?size=narrow: drawn for phones (anything else: wide). */
  size: ChartSize;
  search: URLSearchParams;
}

/** `<chart>.svg` or `<chart>.json` with its query, or null for a name that is no chart. */
export function chartFileRequest(request: Request, file: string): ChartFileRequest | null {
  const [, name = "", format] = /^(.+)\.(svg|json)$/.exec(file) ?? [];
  const key = Object.hasOwn(CHARTS, name) ? CHARTS[name] : undefined;
  if (!key || (format !== "svg" && format !== "json")) return null;
  const search = new URL(request.url).searchParams;
  const lang = search.get("lang");
  const size = search.get("size");
  return { key, format, locale: isLocale(lang) ? lang : DEFAULT_LOCALE, size: isChartSize(size) ? size : "wide", search };
}

export const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });

/**
 * The chart as an SVG file, or as the ECharts option the live chart draws (only for charts light enough to go live).
 * The page links it with ?v=<content hash>, so a matching request may be cached for good; any other is short-lived.
 */
export function chartFileResponse(rendered: RenderedChart | null, req: ChartFileRequest): Response {
  if (!rendered || (req.format === "json" && !rendered.interactive)) return notFound();
  const version = rendered.version;
  const immutable = req.search.get("v") === version;
  const cacheControl = immutable ? "public, max-age=31536000, immutable" : "public, max-age=60, s-maxage=300";
  if (req.format === "json") {
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
