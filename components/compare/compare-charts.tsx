import { getTranslations } from "next-intl/server";

import type { CompareChartView } from "@/lib/charts/issuer-specs";
import type { ChartSize } from "@/lib/charts/sizes";
import type { Locale } from "@/i18n/routing";
import { ChartFigure, chartImage } from "@/components/charts/chart-figure";
import { ISSUER_CHARTS } from "@/components/issuer/issuer-charts";

/**
 * A compare chart's file (app/charts/compare/[chart]/route.ts): the issuers compared, in the page's order (their
 * shared scales), the one drawn, its version at that size, language and size.
 */
function compareChartUrl(file: string, slugs: readonly string[], issuer: string, version: string, locale: Locale, size: ChartSize) {
  const q = new URLSearchParams({ issuers: slugs.join(","), issuer, v: version });
  if (locale !== "en") q.set("lang", locale);
  if (size === "narrow") q.set("size", "narrow");
  return `/charts/compare/${file}?${q.toString().replaceAll("%2C", ",")}`;
}

/**
 * Where the compare grid's columns are under about 480 px wide, the drawing made for that width reads better than the
 * wide one shrunk (globals.css .compare-grid: columns of at least 280 px, 16 px apart, in a page at most 1200 px wide).
 * Two issuers share a row from 576 px of content; their columns reach 480 px at about 1008 px of window. Three or four
 * always get columns under 400 px, or one column under 576 px.
 */
const narrowMedia = (count: number) => (count >= 3 ? "all" : "(max-width: 1008px)");

/**
 * Coverage, composition and cadence of each issuer, on shared time and coverage scales, drawn in the page's language:
 * each an image of its own (wide, and drawn again for phones), each with its numbers in a table under it.
 */
export async function CompareCharts({ items, locale }: { items: CompareChartView[]; locale: Locale }) {
  const t = await getTranslations("charts");
  const slugs = items.map((i) => i.slug);
  const fileOf = (key: string) => ISSUER_CHARTS.find((c) => c.key === key)!.file;
  const rows = [
    { key: "coverage", title: t("compare.coverage"), file: fileOf("coverage") },
    { key: "compositionShare", title: t("compare.compositionShare"), file: fileOf("compositionShare") },
    { key: "cadence", title: t("compare.cadence"), file: fileOf("cadence") },
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
                  image={chartImage(
                    chart.link.summary,
                    (size) =>
                      compareChartUrl(
                        row.file,
                        slugs,
                        slug,
                        size === "narrow" ? chart.link.narrowVersion : chart.link.version,
                        locale,
                        size,
                      ),
                    narrowMedia(items.length),
                  )}
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
