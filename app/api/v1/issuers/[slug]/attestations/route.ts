import type { NextRequest } from "next/server";

import { cursorShapes } from "@/lib/domain/api/cursor";
import { issuerListParams } from "@/lib/domain/api/params";
import { listRequest } from "@/lib/server/api/list-request";
import { apiError, apiJson, apiPreflight } from "@/lib/server/api/respond";
import { apiAttestations } from "@/lib/server/queries/api";
import { issuerSlugs } from "@/lib/server/queries/issuer";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await issuerSlugs()).includes(slug)) return apiError(404, `No issuer "${slug}".`);
  const req = listRequest(request.nextUrl, issuerListParams, cursorShapes.dayAndId);
  if (!req.ok) return req.response;
  return apiJson(request, await apiAttestations(req.page, { issuer: [slug], from: req.params.from, to: req.params.to }, req.after));
}

export const OPTIONS = apiPreflight;
