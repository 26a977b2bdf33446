import "server-only";

import { getEmbedChart, type EmbedKind } from "@/lib/server/queries/embed";

import { embedDocument } from "./document";

/** The route of /embed/issuers/<slug>/<kind>: framing is allowed for /embed only, in next.config.ts. */
export async function embedResponse(slug: string, kind: EmbedKind): Promise<Response> {
  const embed = await getEmbedChart(slug, kind);
  if (!embed) return new Response("No such issuer.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(embedDocument(embed, kind), {
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=60, s-maxage=300" },
  });
}
