import "server-only";

// Every /api/v1 answer: JSON with an ETag (304 when the reader's copy is
// current), a short shared cache lifetime (a CDN may keep an answer for five
// minutes after a publish, never longer), and CORS open to any site for GET.
import type { ApiBody } from "@/lib/server/queries/api";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Cache-Control",
};
export const API_CACHE_CONTROL = "public, max-age=60, s-maxage=300";

/** RFC 9110 If-None-Match: a list of entity tags or "*", compared weakly. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const strip = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => strip(t) === strip(etag));
}

export function apiJson(request: Request, body: ApiBody): Response {
  const headers = { ...CORS, "Content-Type": "application/json; charset=utf-8", "Cache-Control": API_CACHE_CONTROL, ETag: body.etag };
  if (etagMatches(request.headers.get("if-none-match"), body.etag)) return new Response(null, { status: 304, headers });
  return new Response(body.json, { status: 200, headers });
}

export function apiError(status: number, message: string): Response {
  return Response.json({ error: { status, message } }, { status, headers: { ...CORS, "Cache-Control": "no-store" } });
}

/** CORS preflight: GET (and HEAD) from any origin, with If-None-Match allowed. */
export function apiPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Content-Type",
      "Access-Control-Max-Age": "86400",
    },
  });
}
