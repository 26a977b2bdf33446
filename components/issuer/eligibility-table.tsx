import { getTranslations } from "next-intl/server";

import type { IssuerSummary } from "@/lib/domain/views/issuer";
import { formatDay } from "@/lib/i18n/dates";
import { numberFormatters } from "@/lib/i18n/format";
import { localizeDigits } from "@/lib/i18n/numbers";
import { currentLocale } from "@/lib/i18n/server";
import { localizeHref } from "@/i18n/routing";
import { Pct } from "@/components/ui/measured";

import { eligibilityReason } from "./eligibility-reason";

/** Share of the latest composition that each framework's reserve rule would accept, by our mapping. */
export async function EligibilityTable({ model }: { model: IssuerSummary }) {
  const [t, tr, locale] = await Promise.all([
    getTranslations("issuer.eligibility"),
    getTranslations("issuer.eligibilityReason"),
    currentLocale(),
  ]);
  if (!model.compositionReport) {
    if (!model.laterPartial) return <p>{t("none")}</p>;
    const f = await numberFormatters();
    return (
      <p data-testid="eligibility-not-assessable">
        {model.laterPartial.shares.capturedPct.value === null
          ? t("notAssessableUnknown", { date: formatDay(model.laterPartial.report.asOf, locale) })
          : t("notAssessablePartial", {
              date: formatDay(model.laterPartial.report.asOf, locale),
              share: f.pct(model.laterPartial.shares.capturedPct, 0),
            })}
      </p>
    );
  }
  return (
    <>
      <div className="table-scroll">
        <table className="eligibility">
          <caption className="skip">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("col.framework")}</th>
              <th scope="col" className="num">
                {t("col.share")}
              </th>
              <th scope="col">{t("col.notes")}</th>
            </tr>
          </thead>
          <tbody>
            {model.eligibility.map(({ frameworkId, name, url, citation, result }) => (
              <tr key={frameworkId}>
                <th scope="row">
                  <a href={url} rel="noopener noreferrer nofollow" title={citation}>
                    {name}
                  </a>
                </th>
                <td className="num">
                  {result.status === "assessed" ? <Pct value={result.share} reasonShown /> : <span>{t("notAssessed")}</span>}
                </td>
                <td className="sub">
                  {eligibilityReason(result.why, tr, locale)}
                  {result.depositFloor && (
                    <>
                      {" "}
                      {t("depositFloor", {
                        pct: localizeDigits(result.depositFloor.requiredPct, locale),
                        status: t(`depositFloorStatus.${result.depositFloor.status}`),
                      })}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="sub">
        {t.rich("footer", {
          date: formatDay(model.compositionReport.asOf, locale),
          link: (chunks) => <a href={localizeHref("/methodology#eligibility", locale)}>{chunks}</a>,
        })}
      </p>
    </>
  );
}
