import { getTranslations } from "next-intl/server";

import type { ChartLink, IssuerChartLinks } from "@/lib/charts/issuer-specs";
import type { ChartSize } from "@/lib/charts/sizes";
import { localizeHref, type Locale } from "@/i18n/routing";
import { ChartFigure, chartImage } from "@/components/charts/chart-figure";

/**
 * A chart as an image of its own: the page's HTML stays small and the SVG is cached apart.
 * The file is drawn in the page's language (?lang=, none for English), and its version
 * (?v=) is that language's, so the immutable cache keeps languages apart. Phones get the
 * chart drawn at their width (?size=narrow), with that drawing's own version.
 */
const chartUrl = (slug: string, file: string, chart: ChartLink, locale: Locale, size: ChartSize) =>
  `/charts/issuers/${slug}/${file}?v=${size === "narrow" ? chart.narrowVersion : chart.version}${locale === "en" ? "" : `&lang=${locale}`}${size === "narrow" ? "&size=narrow" : ""}`;

type FigureProps = {
  slug: string;
  locale: Locale;
  file: string;
  chart: ChartLink | null;
  title: string;
  caption: string;
  dataTableLabel: string;
};

/** The issuer's charts, in page order: the SVG file each is served as, and its words in charts.issuer.*. */
export const ISSUER_CHARTS = [
  { key: "compositionShare", file: "composition-share.svg", words: "compositionShare" },
  { key: "compositionUsd", file: "composition-usd.svg", words: "compositionUsd" },
  { key: "coverage", file: "coverage.svg", words: "coverage" },
  { key: "cadence", file: "cadence.svg", words: "cadence" },
] as const;

/** Where a chart's data table is: the issuer's history page (a long history would make the issuer page heavy). */
export const chartTableId = (file: string) => `data-${file.replace(/\.svg$/, "")}`;

function Figure({ slug, locale, file, chart, title, caption, dataTableLabel }: FigureProps) {
  if (!chart) return null;
  return (
    <ChartFigure
      tableHref={`${localizeHref(`/issuers/${slug}/history`, locale)}#${chartTableId(file)}`}
      image={chartImage(chart.summary, (size) => chartUrl(slug, file, chart, locale, size))}
      title={title}
      caption={caption}
      interactiveSrc={chart.interactive ? chartUrl(slug, file.replace(/\.svg$/, ".json"), chart, locale, "wide") : undefined}
      narrowInteractiveSrc={chart.interactive ? chartUrl(slug, file.replace(/\.svg$/, ".json"), chart, locale, "narrow") : undefined}
      chartLocale={chart.chartLocale}
      dataTableLabel={dataTableLabel}
    />
  );
}

/** Composition, coverage and cadence over time, as server-rendered SVG; their data tables are on the history page. */
export async function IssuerCharts({ slug, locale, charts }: { slug: string; locale: Locale; charts: IssuerChartLinks | null }) {
  if (!charts) return null;
  const t = await getTranslations("charts");
  const dataTableLabel = t("dataTable");
  return (
    <section aria-labelledby="history-h" className="charts">
      <h2 id="history-h">{t("issuer.heading")}</h2>
      {ISSUER_CHARTS.map(({ key, file, words }) => (
        <Figure
          key={key}
          slug={slug}
          locale={locale}
          file={file}
          chart={charts[key]}
          dataTableLabel={dataTableLabel}
          title={t(`issuer.${words}.title`)}
          caption={t(`issuer.${words}.caption`)}
        />
      ))}
      {!charts.compositionShare && !charts.coverage && <p>{t("issuer.notEnough")}</p>}
    </section>
  );
}
