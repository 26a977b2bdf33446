import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { currentLocale } from "@/lib/i18n/server";
import { issuerStaticParams } from "@/lib/server/queries/issuer";
import { getIssuerChartSpecs } from "@/lib/server/queries/issuer-charts";
import { getIssuerHistory } from "@/lib/server/queries/issuer-page";
import { Link } from "@/components/i18n/link";
import { AttestationTable } from "@/components/issuer/attestation-table";
import { ChartDataTables } from "@/components/issuer/chart-data-tables";
import { StressTimeline } from "@/components/issuer/stress-timeline";

// An issuer's whole history: every report (the issuer page shows the latest few) and the
// numbers behind each of its charts. Cached like the issuer page, under the same tags.

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = issuerStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [model, t] = await Promise.all([getIssuerHistory(slug), getTranslations("issuer")]);
  return { title: model ? t("history.title", { name: model.issuer.name }) : t("meta.notFound") };
}

export default async function IssuerHistoryPage({ params }: Props) {
  const { slug } = await params;
  const locale = await currentLocale();
  const [model, charts, t] = await Promise.all([getIssuerHistory(slug), getIssuerChartSpecs(slug, locale), getTranslations("issuer")]);
  if (!model) notFound();
  const name = model.issuer.name;
  return (
    <article className="issuer-history">
      <header className="page-head">
        <h1>{t("history.title", { name })}</h1>
        <p className="lede">{t.rich("history.lede", { name, back: (chunks) => <Link href={`/issuers/${slug}`}>{chunks}</Link> })}</p>
      </header>
      <section aria-labelledby="all-reports-h">
        <h2 id="all-reports-h">{t("history.reports", { count: model.rows.length })}</h2>
        <AttestationTable rows={model.rows} slug={slug} />
      </section>
      <section aria-labelledby="stress-h">
        <h2 id="stress-h">{t("page.stress")}</h2>
        <StressTimeline events={model.stressEvents} />
      </section>
      <section aria-labelledby="chart-data-h">
        <h2 id="chart-data-h">{t("history.charts")}</h2>
        <ChartDataTables charts={charts} />
      </section>
    </article>
  );
}
