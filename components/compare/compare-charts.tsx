import { ChartFigure } from "@/components/charts/chart-figure";
import { getCompareCharts } from "@/lib/server/queries/issuer-charts";

/** Coverage, composition and cadence of each issuer, on shared time and coverage scales. */
export async function CompareCharts({ slugs }: { slugs: string[] }) {
  const items = await getCompareCharts(slugs);
  const rows = [
    { key: "coverage", title: "Coverage over time" },
    { key: "compositionShare", title: "Composition, share of reserves" },
    { key: "cadence", title: "Reporting cadence" },
  ] as const;
  return (
    <section aria-labelledby="compare-charts-h">
      <h2 id="compare-charts-h">Over time, on shared scales</h2>
      {rows.map((row) => (
        <div key={row.key}>
          <h3>{row.title}</h3>
          <div className="compare-grid">
            {items.map(({ slug, name, charts }) => {
              const chart = charts[row.key];
              return chart ? (
                <ChartFigure key={slug} svg={chart.svg} title={`${row.title}: ${name}`} table={chart.table} />
              ) : (
                <p key={slug} className="sub">
                  {name}: not enough figures captured to chart.
                </p>
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}
