import { chartFileRequest, chartFileResponse, notFound } from "@/lib/server/charts/files";
import { getIssuerCharts } from "@/lib/server/queries/issuer-charts";

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
  const req = chartFileRequest(request, chart);
  if (!req) return notFound();
  const charts = await getIssuerCharts(slug, req.locale, req.size);
  return chartFileResponse(charts?.[req.key] ?? null, req);
}
