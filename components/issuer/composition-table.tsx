import { getTranslations } from "next-intl/server";

import type { CompositionChange, CompositionShares } from "@/lib/domain/metrics/composition";
import type { Bound } from "@/lib/domain/precision";
import { numberFormatters } from "@/lib/i18n/format";
import { taxonomyLabels } from "@/lib/i18n/labels";
import type { NumberLocale } from "@/lib/i18n/numbers";
import { GlossaryTerm } from "@/components/learn/glossary-term";
import { Pct } from "@/components/ui/measured";
import { shortUsd } from "@/components/ui/money";
import { Swatch } from "@/components/ui/swatch";

import { reconciliationText } from "./sentences";

/** Categories whose name is a glossary term: the definition opens on hover, focus or tap. */
const GLOSSARY_FOR: Partial<Record<string, string>> = {
  tbills_93d: "treasury-bill",
  repo_overnight: "repo",
  gov_mmf: "money-market-fund",
  other_mmf: "money-market-fund",
  commercial_paper_cds: "commercial-paper",
  onchain_crypto: "collateral",
  other_undisclosed: "other-undisclosed",
};

function signedUsd(value: string, bound: Bound, locale: NumberLocale): string {
  const text = shortUsd(value, bound, locale);
  // "+" goes before the currency, after any precision mark: "≈ +$1.2 B", "+US$ 1,2 bi".
  return value.startsWith("-") ? text : text.replace(/^((?:[≈≥≤] )?)/, "$1+");
}

/**
 * The latest composition by category, with the two kinds of unknown kept
 * apart: the issuer's own "other / undisclosed" line, and what our captured
 * lines do not reach ("not captured by us").
 */
export async function CompositionTable({ shares, change }: { shares: CompositionShares; change: CompositionChange | null }) {
  const [t, f, L] = await Promise.all([getTranslations("issuer"), numberFormatters(), taxonomyLabels()]);
  const changeFor = (category: string) => change?.changes.find((c) => c.category === category) ?? null;
  return (
    <div className="table-scroll">
      <table>
        <caption className="skip">{t("composition.caption", { date: f.date(shares.asOf) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("composition.col.category")}</th>
            <th scope="col" className="num">
              {t("composition.col.amount")}
            </th>
            <th scope="col" className="num">
              {t("composition.col.share")}
            </th>
            <th scope="col" className="num">
              {t("composition.col.change")}
            </th>
          </tr>
        </thead>
        <tbody>
          {shares.categories.map((c) => {
            const ch = changeFor(c.category);
            return (
              <tr key={c.category} className={c.category === "other_undisclosed" ? "undisclosed" : undefined}>
                <th scope="row">
                  <Swatch category={c.category} />
                  {GLOSSARY_FOR[c.category] ? (
                    <GlossaryTerm id={GLOSSARY_FOR[c.category]!}>{L.category(c.category)}</GlossaryTerm>
                  ) : (
                    L.category(c.category)
                  )}
                  {c.category === "other_undisclosed" && <div className="sub">{t("composition.catchAll")}</div>}
                </th>
                <td className="num">
                  {c.amountUsd.value !== null ? (
                    f.usd(c.amountUsd.value, c.amountUsd.bound === "exact" ? "exact" : c.amountUsd.bound)
                  ) : (
                    <span className="sub">{t("composition.shareOnly")}</span>
                  )}
                </td>
                <td className="num">
                  <Pct value={c.sharePct} />
                </td>
                <td className="num">
                  {ch ? (
                    <>
                      <span title={t("composition.ppTitle")}>{f.pct(ch.ppChange, 1, { unit: " pp", signed: true })}</span>
                      {ch.usdChange.value !== null && (
                        <div className="sub">{signedUsd(ch.usdChange.value, ch.usdChange.bound, f.locale)}</div>
                      )}
                    </>
                  ) : (
                    <span className="sub">{t("measure.na")}</span>
                  )}
                </td>
              </tr>
            );
          })}
          {shares.notCapturedPct.value !== null && Number(shares.notCapturedPct.value) > 0 && (
            <tr className="not-captured">
              <th scope="row">
                <Swatch category="not_captured" />
                <GlossaryTerm id="not-captured">{t("composition.notCaptured")}</GlossaryTerm>
                <div className="sub">{t("composition.notCapturedNote")}</div>
              </th>
              <td className="num">
                {shares.notCapturedUsd.value !== null ? f.usd(shares.notCapturedUsd.value, shares.notCapturedUsd.bound) : ""}
              </td>
              <td className="num">
                <Pct value={shares.notCapturedPct} />
              </td>
              <td />
            </tr>
          )}
        </tbody>
      </table>
      <p className="sub table-note">
        {t("composition.reconciliationSentence", { reason: reconciliationText(shares, t, f.locale) })}
        {change?.previousAsOf && <> {t("composition.changesAgainst", { date: f.date(change.previousAsOf) })}</>}
        {change?.note && (
          <>
            {" "}
            {t("composition.note", {
              note: change.previousId === null ? t("composition.changeNote.noEarlier") : t("composition.changeNote.differentScope"),
            })}
          </>
        )}
      </p>
    </div>
  );
}
