import { getTranslations } from "next-intl/server";

import type { IssuerSummary } from "@/lib/domain/views/issuer";
import { numberFormatters } from "@/lib/i18n/format";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { localizeDigits } from "@/lib/i18n/numbers";
import { localizeHref } from "@/i18n/routing";
import { GlossaryTerm } from "@/components/learn/glossary-term";
import { DateText } from "@/components/ui/date-text";
import { Pct } from "@/components/ui/measured";
import { Usd } from "@/components/ui/money";
import { SourceLink } from "@/components/ui/source-link";

import { cadenceExplanation, coverageReason } from "./sentences";

/** The latest report at a glance, and whether the next one is due. */
export async function KeyFigures({ model }: { model: IssuerSummary }) {
  const [t, common, L, f] = await Promise.all([
    getTranslations("issuer.keyFigures"),
    getTranslations("common"),
    taxonomyLabels(),
    numberFormatters(),
  ]);
  const { latest, latestCoverage, cadence } = model;
  // The latest report may give no figures; then the latest coverage that can be computed, with its date.
  const earlierCoverage = model.lastComputedCoverage ?? undefined;
  const o = cadence.overdue;
  const days = (n: number) => t("days", { count: n, n: localizeDigits(String(n), f.locale) });
  return (
    <div className="cards">
      <section className="card" aria-labelledby="latest-h">
        <h2 id="latest-h">{t("latestReport")}</h2>
        {model.known.withReserves === 0 && model.known.withTokens > 0 && (
          <p className="notice-inline" data-testid="supply-only">
            {t("supplyOnly", { tokens: model.known.withTokens })}
          </p>
        )}
        {latest ? (
          <dl className="kv">
            <dt>
              <GlossaryTerm id="as-of-date">{t("asOf")}</GlossaryTerm>
            </dt>
            <dd>
              <DateText iso={latest.asOf} locale={f.locale} precision={latest.asOfPrecision} />
              {latest.asOfPrecision === "month" && <span className="sub"> ({common("monthOnly")})</span>}
            </dd>
            <dt>
              <GlossaryTerm id="coverage-ratio">{t("coverage")}</GlossaryTerm>
            </dt>
            <dd className="big">
              <Pct value={latestCoverage?.coveragePct ?? null} />
              {latestCoverage?.onGroupTotals && <div className="sub">{t("groupScopeLabel")}</div>}
              {earlierCoverage && (
                <div className="sub" data-testid="earlier-coverage">
                  {t.rich("earlierCoverage", {
                    reason: coverageReason(latestCoverage?.coveragePct.reason, t),
                    date: f.date(earlierCoverage.asOf),
                    pct: () => <Pct value={earlierCoverage.coveragePct} />,
                  })}
                  {earlierCoverage.onGroupTotals && t("onGroupTotals")}
                </div>
              )}
            </dd>
            <dt>
              <GlossaryTerm id="reserve">{t("totalReserves")}</GlossaryTerm>
            </dt>
            <dd>
              <Usd figure={latest.totalReserves} />
            </dd>
            <dt>
              <GlossaryTerm id="tokens-outstanding">{t("tokensOutstanding")}</GlossaryTerm>
            </dt>
            <dd>
              <Usd figure={latest.tokensOutstanding} />
            </dd>
            <dt>{t("report")}</dt>
            <dd>
              {L.reportType(latest.reportType)},{" "}
              {latest.assurance === "unknown" ? t("assuranceNotStated") : L.assurance(latest.assurance).toLocaleLowerCase(f.locale)}
              {latest.firm && <>, {latest.firm}</>}
            </dd>
            <dt>{t("scope")}</dt>
            <dd>{L.scope(latest.scope)}</dd>
            <dt>{t("source")}</dt>
            <dd>
              <SourceLink attestation={latest} />
            </dd>
          </dl>
        ) : (
          <p>{t("noPublishedReport")}</p>
        )}
      </section>
      <section className="card" aria-labelledby="cadence-h">
        <h2 id="cadence-h">
          <GlossaryTerm id="cadence">{t("cadenceHeading")}</GlossaryTerm>
        </h2>
        <p className={`status status-${o.status}`} data-testid="cadence-status">
          <strong>
            {o.status === "overdue" && o.daysOverdue !== null ? t("overdueBy", { count: o.daysOverdue }) : t(`status.${o.status}`)}
          </strong>
          {o.status === "overdue" && <span className="sub"> {t("noLaterReport")}</span>}
        </p>
        <p className="sub">{cadenceExplanation(o, t, f.locale)}</p>
        <dl className="kv">
          <dt>{t("reportsFound")}</dt>
          <dd>
            {cadence.reportsFound}
            {cadence.expectedReports !== null && (
              <> {t("ofExpectedSince", { expected: cadence.expectedReports, from: f.date(cadence.from) })}</>
            )}
          </dd>
          <dt>
            <GlossaryTerm id="publication-lag">{t("medianLag")}</GlossaryTerm>
          </dt>
          <dd>{cadence.medianLagDays !== null ? days(cadence.medianLagDays) : t("unknown")}</dd>
          <dt>{t("longestLag")}</dt>
          <dd>{cadence.worstLagDays !== null ? days(cadence.worstLagDays) : t("unknown")}</dd>
          <dt>{t("longestGap")}</dt>
          <dd>
            {cadence.longestGap
              ? t.rich("gap", {
                  count: cadence.longestGap.days,
                  from: f.date(cadence.longestGap.from),
                  to: f.date(cadence.longestGap.to),
                  // A date never breaks at its hyphens.
                  d: (chunks) => <span className="nowrap">{chunks}</span>,
                })
              : t("na")}
          </dd>
          <dt>{t("daysSinceLastAsOf")}</dt>
          <dd>{cadence.daysSinceLastAsOf ?? t("na")}</dd>
        </dl>
        <p className="sub">
          {t.rich("judgedOn", {
            date: f.date(model.today),
            link: (chunks) => <a href={localizeHref("/methodology#overdue", f.locale)}>{chunks}</a>,
          })}
        </p>
      </section>
    </div>
  );
}
