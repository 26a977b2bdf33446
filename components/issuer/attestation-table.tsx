import { getTranslations } from "next-intl/server";

import type { AttestationRow } from "@/lib/domain/views/issuer";
import { numberFormatters } from "@/lib/i18n/format";
import { localizeHref } from "@/i18n/routing";
import { GlossaryTerm } from "@/components/learn/glossary-term";
import { DateText } from "@/components/ui/date-text";
import { Markdown } from "@/components/ui/markdown";
import { Usd } from "@/components/ui/money";

import { CoverageAndSourceCells, PublishedCells } from "./report-cells";

/**
 * Every report we hold for the issuer, newest first, with its lag and history. `termsExplained`:
 * the page has already explained "publication lag" and "coverage ratio" above the table (the
 * issuer page's key figures do), so its headers are plain words; each explanation would
 * otherwise travel twice more in a page that must stay small.
 */
export async function AttestationTable({
  rows,
  slug,
  termsExplained = false,
}: {
  rows: AttestationRow[];
  slug?: string;
  termsExplained?: boolean;
}) {
  const [t, common, f] = await Promise.all([getTranslations("issuer.reports"), getTranslations("common"), numberFormatters()]);
  if (rows.length === 0) return <p>{t("none")}</p>;
  return (
    <div className="table-scroll">
      <table className="attestations">
        <caption className="skip">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("col.asOf")}</th>
            <th scope="col">{t("col.published")}</th>
            <th scope="col" className="num">
              {termsExplained ? t("col.lag") : <GlossaryTerm id="publication-lag">{t("col.lag")}</GlossaryTerm>}
            </th>
            <th scope="col">{t("col.typeAndFirm")}</th>
            <th scope="col" className="num">
              {t("col.reserves")}
            </th>
            <th scope="col" className="num">
              {t("col.tokens")}
            </th>
            <th scope="col" className="num">
              {termsExplained ? t("col.coverage") : <GlossaryTerm id="coverage-ratio">{t("col.coverage")}</GlossaryTerm>}
            </th>
            <th scope="col">{t("col.source")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ attestation: a, coverage, lag }) => (
            <tr key={a.id} className={a.state === "retracted" ? "retracted" : undefined} data-testid="attestation-row">
              <th scope="row">
                <DateText iso={a.asOf} locale={f.locale} precision={a.asOfPrecision} />
                {a.asOfPrecision === "month" && <div className="sub">{common("monthOnly")}</div>}
                {a.notes && (
                  <div className="sub note">
                    <Markdown source={a.notes} />
                  </div>
                )}
                {a.state === "retracted" && (
                  <div>
                    <span className="badge bad">{t("retracted")}</span> <span className="sub">{a.retractedReason}</span>
                  </div>
                )}
                {slug && a.state !== "retracted" && (
                  <div className="sub">
                    <a
                      href={localizeHref(`/issuers/${slug}/suggest?report=${a.id}`, f.locale)}
                      rel="nofollow"
                      data-testid="suggest-correction"
                    >
                      {t("suggestCorrection")}
                    </a>
                  </div>
                )}
                {a.revisions.length > 0 && (
                  <details className="revisions">
                    <summary>
                      {t.rich("revisedOn", {
                        date: f.date(a.revisions.at(-1)!.correctedAt.slice(0, 10)),
                        badge: (chunks) => <span className="badge">{chunks}</span>,
                      })}
                    </summary>
                    <ul className="plain">
                      {a.revisions.map((r) => (
                        <li key={r.revision}>
                          {t("revisionRead", {
                            revision: r.revision,
                            reserves: r.previous.totalReserves
                              ? f.usd(r.previous.totalReserves.value, r.previous.totalReserves.precision as "exact")
                              : t("notReported"),
                            tokens: r.previous.tokensOutstanding
                              ? f.usd(r.previous.tokensOutstanding.value, r.previous.tokensOutstanding.precision as "exact")
                              : t("notReported"),
                            published: r.previous.publishedOn !== null ? f.date(r.previous.publishedOn) : t("dateUnknown"),
                            correctedOn: f.date(r.correctedAt.slice(0, 10)),
                            reason: r.reason,
                          })}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </th>
              <PublishedCells attestation={a} lag={lag} />
              <td className="num">
                <Usd figure={a.totalReserves} />
              </td>
              <td className="num">
                <Usd figure={a.tokensOutstanding} />
              </td>
              <CoverageAndSourceCells attestation={a} coverage={coverage} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
