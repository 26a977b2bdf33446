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

function Figure({ slug, file, chart, title, caption }: { slug: string; file: string; chart: ChartSpec | null; title: string; caption: string }) {
  if (!chart) return null;
  return <ChartFigure image={chartImage(slug, file, chart)} title={title} caption={caption} table={chart.table} interactiveOption={chart.interactive} />;
}

/** Composition, coverage and cadence over time, as server-rendered SVG with data tables. */
export async function IssuerCharts({ slug }: { slug: string }) {
  const charts = await getIssuerChartSpecs(slug);
  if (!charts) return null;
  return (
    <section aria-labelledby="history-h" className="charts">
      <h2 id="history-h">History</h2>
      <Figure
        slug={slug}
        file="composition-share.svg"
        chart={charts.compositionShare}
        title="Composition over time, share of reserves"
        caption="Each report's reserves by category. Hatched: reserves our records do not break down (not the issuer's own “other / undisclosed”)."
      />
      <Figure slug={slug} file="composition-usd.svg" chart={charts.compositionUsd} title="Composition over time, US dollars" caption="The same reports in dollars, where amounts were published." />
      <Figure
        slug={slug}
        file="coverage.svg"
        chart={charts.coverage}
        title="Coverage over time"
        caption="Total reserves divided by tokens outstanding. Hollow triangles: bounds (≥ or ≤) because a source gave a minimum."
      />
      <Figure
        slug={slug}
        file="cadence.svg"
        chart={charts.cadence}
        title="Reporting cadence"
        caption="Each report at its as-of date and the days it took to publish; the band is the lag the issuer's own history leads one to expect; hatched stretches are gaps."
      />
      {!charts.compositionShare && !charts.coverage && <p>Not enough figures captured to chart.</p>}
    </section>
  );
}
