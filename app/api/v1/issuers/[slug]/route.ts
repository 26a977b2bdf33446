import type { NextRequest } from "next/server";

import { apiError, apiJson, apiPreflight } from "@/lib/server/api/respond";
import { apiIssuerDetail } from "@/lib/server/queries/api";

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const body = await apiIssuerDetail(slug);
  if (!body) return apiError(404, `No issuer "${slug}".`);
  return apiJson(request, body);
}

export const OPTIONS = apiPreflight;
