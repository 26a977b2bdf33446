import type { NextRequest } from "next/server";

import { cursorShapes } from "@/lib/domain/api/cursor";
import { listParams } from "@/lib/domain/api/params";
import { listRequest } from "@/lib/server/api/list-request";
import { apiJson, apiPreflight } from "@/lib/server/api/respond";
import { apiAttestations } from "@/lib/server/queries/api";

export async function GET(request: NextRequest) {
  const req = listRequest(request.nextUrl, listParams, cursorShapes.dayAndId);
  if (!req.ok) return req.response;
  const { issuer, from, to } = req.params;
  return apiJson(request, await apiAttestations(req.page, { issuer, from, to }, req.after));
}

export const OPTIONS = apiPreflight;
