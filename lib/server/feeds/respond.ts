import "server-only";

import { createHash } from "node:crypto";

import { API_CACHE_CONTROL, etagMatches } from "@/lib/server/api/respond";

/** An Atom document with an ETag, so feed readers polling every few minutes get 304s. */
export function atomResponse(request: Request, xml: string): Response {
  const etag = `"${createHash("sha256").update(xml).digest("base64url").slice(0, 27)}"`;
  const headers = {
    "Content-Type": "application/atom+xml; charset=utf-8",
    "Cache-Control": API_CACHE_CONTROL,
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
  };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(xml, { headers });
}
