import type { NextRequest } from "next/server";

import { feedDocument, stressEntry } from "@/lib/i18n/feed-entries";
import { atomResponse } from "@/lib/server/feeds/respond";
import { feedData } from "@/lib/server/queries/feeds";

export async function GET(request: NextRequest) {
  const site = { origin: request.nextUrl.origin };
  const data = (await feedData(null, { reports: false, stressEvents: true }))!;
  const xml = feedDocument(site, {
    path: "/feeds/stress-events.xml",
    page: "/en/stress",
    title: "USD1 Backed: stress events",
    subtitle:
      "Depegs, redemption halts, bank exposures, regulatory actions and incidents of dollar stablecoins, as they are recorded here.",
    entries: data.stressEvents.map((e) => stressEntry(site, e)),
  });
  return atomResponse(request, xml);
}
