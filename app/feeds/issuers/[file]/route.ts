// /feeds/issuers/<slug>.xml: one issuer's new reports and stress events.
import type { NextRequest } from "next/server";

import { feedDocument, reportEntry, stressEntry } from "@/lib/i18n/feed-entries";
import { atomResponse } from "@/lib/server/feeds/respond";
import { feedData } from "@/lib/server/queries/feeds";

export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const slug = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.xml$/.exec(file)?.[1];
  const data = slug ? await feedData(slug, { reports: true, stressEvents: true }) : null;
  if (!slug || !data?.issuer)
    return new Response("No such feed.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const site = { origin: request.nextUrl.origin };
  const xml = feedDocument(site, {
    path: `/feeds/issuers/${slug}.xml`,
    page: `/en/issuers/${slug}`,
    title: `USD1 Backed: ${data.issuer.name}`,
    subtitle: `New reserve reports and stress events of ${data.issuer.name}.`,
    entries: [...data.reports.map((r) => reportEntry(site, r)), ...data.stressEvents.map((e) => stressEntry(site, e))],
  });
  return atomResponse(request, xml);
}
