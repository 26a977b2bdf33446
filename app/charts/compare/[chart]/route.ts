import { isSlug } from "@/lib/domain/schemas/common";
import { MAX_COMPARED } from "@/lib/domain/views/comparison";
import { chartFileRequest, chartFileResponse, notFound } from "@/lib/server/charts/files";
import { issuerSlugs } from "@/lib/server/queries/issuer";
import { getCompareCharts } from "@/lib/server/queries/issuer-charts";

/**
 * A compare view's chart of one issuer as an SVG file: <chart>.svg?issuers=a,b[,c,d]&issuer=a, drawn on the scales
 * those issuers share (time range, coverage axis), as the compare page links it: versioned (?v=), in its language
 * (?lang=) and at its size (?size=narrow for phones), like the issuer pages' chart files. Anything else, such as an
 * unknown issuer, one issuer alone or an issuer outside the set, is answered 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ chart: string }> }) {
  const req = chartFileRequest(request, (await params).chart);
  if (!req || req.format !== "svg") return notFound();
  const slugs = (req.search.get("issuers") ?? "").split(",");
  const issuer = req.search.get("issuer") ?? "";
  if (slugs.length < 2 || slugs.length > MAX_COMPARED || new Set(slugs).size !== slugs.length || !slugs.includes(issuer)) return notFound();
  if (!slugs.every(isSlug)) return notFound();
  const known = new Set(await issuerSlugs());
  if (!slugs.every((s) => known.has(s))) return notFound();
  const item = (await getCompareCharts(slugs, req.locale, req.size)).find((i) => i.slug === issuer);
  return chartFileResponse(item?.charts[req.key] ?? null, req);
}
