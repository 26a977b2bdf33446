import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { currentLocale } from "@/lib/i18n/server";
import { listAllAttestations } from "@/lib/server/queries/lists";
import { Link } from "@/components/i18n/link";
import { CoverageAndSourceCells, PublishedCells } from "@/components/issuer/report-cells";
import { DateText } from "@/components/ui/date-text";
import { Usd } from "@/components/ui/money";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("attestations");
  return { title: t("meta.title"), description: t("meta.description") };
}

export default async function AttestationsPage() {
  const { items, total } = await listAllAttestations();
  const t = await getTranslations("attestations");
  const tc = await getTranslations("common");
  const locale = await currentLocale();
  const partial = items.length < total;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">
        {partial ? t("ledePartial", { shown: items.length, total }) : t("ledeAll", { total })} {t("lagExplained")}{" "}
        <a download href="/data/reports.csv" data-testid="download-csv">
          {t("downloadCsv")}
        </a>{" "}
        {t.rich("withComposition", {
          long: (chunks) => (
            <a download href="/data/composition.csv">
              {chunks}
            </a>
          ),
          wide: (chunks) => (
            <a download href="/data/composition-wide.csv">
              {chunks}
            </a>
          ),
        })}
      </p>
      <div className="table-scroll">
        <table>
          <caption className="skip">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("th.asOf")}</th>
              <th scope="col">{t("th.issuer")}</th>
              <th scope="col">{t("th.published")}</th>
              <th scope="col" className="num">
                {t("th.lag")}
              </th>
              <th scope="col">{t("th.typeAndFirm")}</th>
              <th scope="col" className="num">
                {t("th.reserves")}
              </th>
              <th scope="col" className="num">
                {t("th.coverage")}
              </th>
              <th scope="col">{t("th.source")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ attestation: a, issuerName, isDemo, coverage, lag, revised }) => (
              <tr key={a.id} className={a.state === "retracted" ? "retracted" : undefined}>
                <th scope="row">
                  <DateText iso={a.asOf} locale={locale} precision={a.asOfPrecision} />
                  {a.state === "retracted" && (
                    <div>
                      <span className="badge bad">{t("retracted")}</span>
                    </div>
                  )}
                  {revised && (
                    <div>
                      <span className="badge">{t("revised")}</span>
                    </div>
                  )}
                </th>
                <td>
                  <Link href={`/issuers/${a.issuerSlug}`}>{issuerName}</Link> {isDemo && <span className="badge demo">{tc("demo")}</span>}
                </td>
                <PublishedCells attestation={a} lag={lag} />
                <td className="num">
                  <Usd figure={a.totalReserves} />
                </td>
                <CoverageAndSourceCells attestation={a} coverage={coverage} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
