// /feeds/events/<kind>.xml (and all.xml): the alert events of one kind, as recorded in the
// outbox, beside the per-issuer feeds: a feed reader can follow "every overdue report" or
// "every price band exit" without subscribing. The same words and figures as the alerts.
import type { NextRequest } from "next/server";

import { ALERT_EVENT_KINDS, isAlertEventKind } from "@/lib/domain/alerts/kinds";
import { atomFeed, tagUri } from "@/lib/domain/feeds/atom";
import { alertSubject, alertSummaryText, pageUrl } from "@/lib/i18n/alerts/render";
import { recentAlertEvents } from "@/lib/server/alerts/overview";
import { db } from "@/lib/server/db";
import { atomResponse } from "@/lib/server/feeds/respond";

export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const name = /^([a-z_]+)\.xml$/.exec(file)?.[1];
  const kind = name === "all" ? null : isAlertEventKind(name) ? name : undefined;
  if (kind === undefined) {
    return new Response(`No such feed. Feeds: ${["all", ...ALERT_EVENT_KINDS].map((k) => `/feeds/events/${k}.xml`).join(", ")}\n`, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const origin = request.nextUrl.origin;
  const host = new URL(origin).hostname;
  const events = await recentAlertEvents(db(), { ...(kind ? { kind } : {}), limit: 100 });
  const xml = atomFeed({
    id: tagUri(host, `feed/events/${name}`),
    title: `USD1 Backed: ${kind ? kind.replace(/_/g, " ") : "every alert event"}`,
    subtitle:
      "Events as alerts send them: reports published, corrected, retracted or overdue, stress events, and live price and supply signals.",
    updated: events[0]?.recordedAt ?? "1970-01-01T00:00:00.000Z",
    self: `${origin}/feeds/events/${name}.xml`,
    alternate: `${origin}/en`,
    author: "USD1 Backed",
    entries: events.map((e) => ({
      id: tagUri(host, `event/${e.id}`),
      title: alertSubject(e, "en"),
      updated: e.recordedAt,
      published: e.occurredAt,
      link: pageUrl(origin, "en", e.payload.pagePath),
      summary: alertSummaryText(e, { locale: "en", baseUrl: origin }),
      categories: [e.kind, e.payload.issuer.slug],
    })),
  });
  return atomResponse(request, xml);
}
