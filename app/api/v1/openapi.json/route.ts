import type { NextRequest } from "next/server";
import { apiJson, apiPreflight } from "@/lib/server/api/respond";
import { apiOpenApi } from "@/lib/server/queries/api";

export async function GET(request: NextRequest) {
  return apiJson(request, await apiOpenApi());
}

export const OPTIONS = apiPreflight;
