import { getTranslations } from "next-intl/server";

import type { CompareChartItem } from "@/lib/charts/issuer-specs";
import { ChartFigure } from "@/components/charts/chart-figure";

/** Coverage, composition and cadence of each issuer, on shared time and coverage scales, drawn in the page's language. */
export async function CompareCharts({ items }: { items: CompareChartItem[] }) {
  const t = await getTranslations("charts");
  const rows = [
    { key: "coverage", title: t("compare.coverage") },
    { key: "compositionShare", title: t("compare.compositionShare") },
    { key: "cadence", title: t("compare.cadence") },
  ] as const;
  return (
    <section aria-labelledby="compare-charts-h">
      <h2 id="compare-charts-h">{t("compare.heading")}</h2>
      {rows.map((row) => (
        <div key={row.key}>
          <h3>{row.title}</h3>
          <div className="compare-grid">
            {items.map(({ slug, name, charts }) => {
              const chart = charts[row.key];
              return chart ? (
                <ChartFigure
                  key={slug}
                  svg={chart.svg}
                  title={t("compare.figureTitle", { chart: row.title, name })}
                  table={chart.table}
                  dataTableLabel={t("dataTable")}
                />
              ) : (
                <p key={slug} className="sub">
                  {t("compare.notEnough", { name })}
                </p>
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}
