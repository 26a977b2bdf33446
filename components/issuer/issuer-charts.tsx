import { getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { CHART_HEIGHT, CHART_WIDTH, getIssuerChartSpecs, type ChartSpec } from "@/lib/server/queries/issuer-charts";
import { currentLocale } from "@/lib/i18n/server";
import type { Locale } from "@/i18n/routing";

/**
 * A chart as an image of its own: the page's HTML stays small and the SVG is cached apart.
 * The file is drawn in the page's language (?lang=, none for English), and its version
 * (?v=) is that language's, so the immutable cache keeps languages apart.
 */
export function chartImage(slug: string, file: string, chart: ChartSpec, locale: Locale = "en") {
  return {
    url: `/charts/issuers/${slug}/${file}?v=${chart.version}${locale === "en" ? "" : `&lang=${locale}`}`,
    alt: chart.summary,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}

type FigureProps = { slug: string; locale: Locale; file: string; chart: ChartSpec | null; title: string; caption: string; dataTableLabel: string };

function Figure({ slug, locale, file, chart, title, caption, dataTableLabel }: FigureProps) {
  if (!chart) return null;
  return (
    <ChartFigure
      image={chartImage(slug, file, chart, locale)}
      title={title}
      caption={caption}
      table={chart.table}
      interactiveOption={chart.interactive}
      chartLocale={chart.chartLocale}
      dataTableLabel={dataTableLabel}
    />
  );
}

/** Composition, coverage and cadence over time, as server-rendered SVG with data tables. */
export async function IssuerCharts({ slug }: { slug: string }) {
  const locale = await currentLocale();
  const [t, charts] = await Promise.all([getTranslations("charts"), getIssuerChartSpecs(slug, locale)]);
  if (!charts) return null;
  const dataTableLabel = t("dataTable");
  return (
    <section aria-labelledby="history-h" className="charts">
      <h2 id="history-h">{t("issuer.heading")}</h2>
      <Figure
        slug={slug}
        locale={locale}
        file="composition-share.svg"
        chart={charts.compositionShare}
        dataTableLabel={dataTableLabel}
        title={t("issuer.compositionShare.title")}
        caption={t("issuer.compositionShare.caption")}
      />
      <Figure slug={slug} locale={locale} file="composition-usd.svg" chart={charts.compositionUsd} dataTableLabel={dataTableLabel} title={t("issuer.compositionUsd.title")} caption={t("issuer.compositionUsd.caption")} />
      <Figure slug={slug} locale={locale} file="coverage.svg" chart={charts.coverage} dataTableLabel={dataTableLabel} title={t("issuer.coverage.title")} caption={t("issuer.coverage.caption")} />
      <Figure slug={slug} locale={locale} file="cadence.svg" chart={charts.cadence} dataTableLabel={dataTableLabel} title={t("issuer.cadence.title")} caption={t("issuer.cadence.caption")} />
      {!charts.compositionShare && !charts.coverage && <p>{t("issuer.notEnough")}</p>}
    </section>
  );
}
