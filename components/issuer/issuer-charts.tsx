import { getTranslations } from "next-intl/server";
import { ChartFigure } from "@/components/charts/chart-figure";
import { CHART_HEIGHT, CHART_WIDTH, getIssuerChartSpecs, type ChartSpec } from "@/lib/server/queries/issuer-charts";

/** A chart as an image of its own: the page's HTML stays small and the SVG is cached apart. */
export function chartImage(slug: string, file: string, chart: ChartSpec) {
  return {
    url: `/charts/issuers/${slug}/${file}?v=${chart.version}`,
    alt: chart.summary,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  };
}

type FigureProps = { slug: string; file: string; chart: ChartSpec | null; title: string; caption: string; dataTableLabel: string };

function Figure({ slug, file, chart, title, caption, dataTableLabel }: FigureProps) {
  if (!chart) return null;
  return (
    <ChartFigure
      image={chartImage(slug, file, chart)}
      title={title}
      caption={caption}
      table={chart.table}
      interactiveOption={chart.interactive}
      dataTableLabel={dataTableLabel}
    />
  );
}

/** Composition, coverage and cadence over time, as server-rendered SVG with data tables. */
export async function IssuerCharts({ slug }: { slug: string }) {
  const [t, charts] = await Promise.all([getTranslations("charts"), getIssuerChartSpecs(slug)]);
  if (!charts) return null;
  const dataTableLabel = t("dataTable");
  return (
    <section aria-labelledby="history-h" className="charts">
      <h2 id="history-h">{t("issuer.heading")}</h2>
      <Figure
        slug={slug}
        file="composition-share.svg"
        chart={charts.compositionShare}
        dataTableLabel={dataTableLabel}
        title={t("issuer.compositionShare.title")}
        caption={t("issuer.compositionShare.caption")}
      />
      <Figure slug={slug} file="composition-usd.svg" chart={charts.compositionUsd} dataTableLabel={dataTableLabel} title={t("issuer.compositionUsd.title")} caption={t("issuer.compositionUsd.caption")} />
      <Figure slug={slug} file="coverage.svg" chart={charts.coverage} dataTableLabel={dataTableLabel} title={t("issuer.coverage.title")} caption={t("issuer.coverage.caption")} />
      <Figure slug={slug} file="cadence.svg" chart={charts.cadence} dataTableLabel={dataTableLabel} title={t("issuer.cadence.title")} caption={t("issuer.cadence.caption")} />
      {!charts.compositionShare && !charts.coverage && <p>{t("issuer.notEnough")}</p>}
    </section>
  );
}
