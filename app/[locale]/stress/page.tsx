import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { listAllStressEvents } from "@/lib/server/queries/lists";
import { Link } from "@/components/i18n/link";
import { StressTimeline } from "@/components/issuer/stress-timeline";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stress");
  return { title: t("meta.title"), description: t("meta.description") };
}

export default async function StressPage() {
  const items = await listAllStressEvents();
  const t = await getTranslations("stress");
  const tc = await getTranslations("common");
  const names = new Map(items.map((i) => [i.event.issuerSlug, { name: i.issuerName, demo: i.isDemo }]));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">
        {t("lede", { count: items.length })}{" "}
        <a download href="/data/stress_events.csv" data-testid="download-csv">
          {t("downloadCsv")}
        </a>
        .
      </p>
      <StressTimeline
        events={items.map((i) => i.event)}
        showIssuer={(slug) => {
          const n = names.get(slug);
          return (
            <>
              <Link href={`/issuers/${slug}`}>{n?.name ?? slug}</Link> {n?.demo && <span className="badge demo">{tc("demo")}</span>}
            </>
          );
        }}
      />
    </>
  );
}
