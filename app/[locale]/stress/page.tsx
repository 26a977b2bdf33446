import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { listAllStressEvents } from "@/lib/server/queries/lists";
import { StressTimeline } from "@/components/issuer/stress-timeline";

export const metadata: Metadata = {
  title: "Stress history",
  description: "Depegs, redemption halts, bank exposures, regulatory actions and incidents of dollar stablecoins, each with its sources.",
};

export default async function StressPage() {
  const items = await listAllStressEvents();
  const names = new Map(items.map((i) => [i.event.issuerSlug, { name: i.issuerName, demo: i.isDemo }]));
  return (
    <>
      <h1>Stress history</h1>
      <p className="lede">
        {items.length} recorded events across all issuers, newest first: depegs, redemption halts, bank or counterparty
        exposures, regulatory actions, incidents and reserve-policy changes. Each links to its sources.{" "}
        <a download href="/data/stress_events.csv" data-testid="download-csv">
          Download CSV
        </a>
        .
      </p>
      <StressTimeline
        events={items.map((i) => i.event)}
        showIssuer={(slug) => {
          const n = names.get(slug);
          return (
            <>
              <Link href={`/issuers/${slug}`}>{n?.name ?? slug}</Link> {n?.demo && <span className="badge demo">demo</span>}
            </>
          );
        }}
      />
    </>
  );
}
