import type { NextRequest } from "next/server";

import { cursorShapes } from "@/lib/domain/api/cursor";
import { pageParams } from "@/lib/domain/api/params";
import { listRequest } from "@/lib/server/api/list-request";
import { apiJson, apiPreflight } from "@/lib/server/api/respond";
import { apiIssuers } from "@/lib/server/queries/api";

export async function GET(request: NextRequest) {
  const req = listRequest(request.nextUrl, pageParams, cursorShapes.slug);
  if (!req.ok) return req.response;
  return apiJson(request, await apiIssuers(req.page, req.after));
}

export const OPTIONS = apiPreflight;
