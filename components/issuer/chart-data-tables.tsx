import { getTranslations } from "next-intl/server";

import type { IssuerChartSpecs } from "@/lib/charts/issuer-specs";
import { ChartDataTable } from "@/components/charts/chart-figure";

import { chartTableId, ISSUER_CHARTS } from "./issuer-charts";

/** Each of the issuer page's charts as a table, on the history page: the figures link here by id. */
export async function ChartDataTables({ charts }: { charts: IssuerChartSpecs | null }) {
  const t = await getTranslations("charts.issuer");
  const present = ISSUER_CHARTS.filter((c) => charts?.[c.key]);
  if (!charts || present.length === 0) return <p>{t("notEnough")}</p>;
  return (
    <>
      {present.map((c) => (
        <section key={c.key} aria-labelledby={`${chartTableId(c.file)}-h`}>
          <h3 id={`${chartTableId(c.file)}-h`}>{t(`${c.words}.title`)}</h3>
          <p className="sub">{t(`${c.words}.caption`)}</p>
          <ChartDataTable id={chartTableId(c.file)} title={t(`${c.words}.title`)} table={charts[c.key]!.table} />
        </section>
      ))}
    </>
  );
}
