import type { NextRequest } from "next/server";

import { feedDocument, reportEntry } from "@/lib/i18n/feed-entries";
import { atomResponse } from "@/lib/server/feeds/respond";
import { feedData } from "@/lib/server/queries/feeds";

export async function GET(request: NextRequest) {
  const site = { origin: request.nextUrl.origin };
  const data = (await feedData(null, { reports: true, stressEvents: false }))!;
  const xml = feedDocument(site, {
    path: "/feeds/attestations.xml",
    page: "/en/attestations",
    title: "USD1 Backed: new reserve reports",
    subtitle: "Reserve reports of dollar stablecoins as they are published here, with their figures and sources.",
    entries: data.reports.map((r) => reportEntry(site, r)),
  });
  return atomResponse(request, xml);
}
