import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { COMPLETE_BREAKDOWN_PCT } from "@/lib/domain/metrics/composition";
import { RECENT_REPORTS } from "@/lib/domain/views/issuer";
import { formatDay } from "@/lib/i18n/dates";
import { currentLocale } from "@/lib/i18n/server";
import { issuerStaticParams } from "@/lib/server/queries/issuer";
import { getIssuerPageView } from "@/lib/server/queries/issuer-charts";
import { getIssuerLive } from "@/lib/server/queries/live";
import { localizeHref } from "@/i18n/routing";
import { Link } from "@/components/i18n/link";
import { AttestationTable } from "@/components/issuer/attestation-table";
import { CompositionTable } from "@/components/issuer/composition-table";
import { EligibilityTable } from "@/components/issuer/eligibility-table";
import { Evaluation } from "@/components/issuer/evaluation";
import { IssuerCharts } from "@/components/issuer/issuer-charts";
import { IssuerDataLinks } from "@/components/issuer/issuer-data-links";
import { IssuerFacts } from "@/components/issuer/issuer-facts";
import { KeyFigures } from "@/components/issuer/key-figures";
import { LaterPartialNote } from "@/components/issuer/later-partial-note";
import { LiveSignals } from "@/components/issuer/live-signals";
import { StressTimeline } from "@/components/issuer/stress-timeline";
import { Markdown } from "@/components/ui/markdown";

type Props = { params: Promise<{ slug: string }> };

/**
 * Stress events listed on the issuer page (reports: RECENT_REPORTS); the history page lists them all (a
 * page that grew with every report would grow without bound, and it is the site's most read page).
 */
const RECENT_STRESS = 3;

export const generateStaticParams = issuerStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [view, t] = await Promise.all([getIssuerPageView(slug, await currentLocale()), getTranslations("issuer.meta")]);
  if (!view) return { title: t("notFound") };
  const model = view.summary;
  const symbols = model.issuer.tokenSymbols.join(", ");
  return {
    title: t("title", { issuer: `${model.issuer.name}${symbols ? ` (${symbols})` : ""}` }),
    description: t("description", { name: model.issuer.name }),
  };
}

async function IssuerProfile({ params }: Props) {
  const { slug } = await params;
  const locale = await currentLocale();
  const [view, live] = await Promise.all([getIssuerPageView(slug, locale), getIssuerLive(slug)]);
  if (!view) notFound();
  const { summary: model, charts } = view;
  const [t, common, tf] = await Promise.all([getTranslations("issuer"), getTranslations("common"), getTranslations("follow")]);
  const { issuer } = model;
  return (
    <article className="issuer">
      <header className="page-head">
        <h1>
          {issuer.name} {issuer.tokenSymbols.length > 0 && <span className="symbols">{issuer.tokenSymbols.join(", ")}</span>}
        </h1>
        {issuer.isDemo && (
          <p className="badge demo" data-testid="issuer-demo-label">
            {common("demoIssuer")}
          </p>
        )}
        {issuer.description && (
          <div className="lede">
            <Markdown source={issuer.description} />
          </div>
        )}
        <p className="sub" data-testid="last-reviewed">
          {model.lastReview
            ? t("page.lastReviewed", { date: formatDay(model.lastReview.reviewedOn, locale), name: model.lastReview.reviewer })
            : t("page.notReviewed")}
        </p>
        <p className="follow-link">
          {/* A plain link: the follow page is rendered per request, not worth a prefetch from every issuer page. */}
          <a href={localizeHref(`/issuers/${issuer.slug}/follow`, locale)} rel="nofollow" data-testid="follow-link">
            {tf("followLink", { name: issuer.name })}
          </a>
        </p>
      </header>

      <KeyFigures model={model} />

      {live && <LiveSignals live={live} />}

      <section aria-labelledby="composition-h">
        <h2 id="composition-h">{t("page.composition")}</h2>
        {model.latestComposition && model.compositionReport ? (
          <>
            <p className="sub">{t("page.compositionAsOf", { date: formatDay(model.latestComposition.asOf, locale) })}</p>
            <CompositionTable shares={model.latestComposition} change={model.change} />
          </>
        ) : model.laterPartial ? (
          <p>{t("page.noCompleteBreakdown", { threshold: COMPLETE_BREAKDOWN_PCT })}</p>
        ) : (
          <p>
            {model.known.withReserves === 0 && model.known.withTokens > 0 ? t("page.noCompositionSupplyOnly") : t("page.noComposition")}
          </p>
        )}
        {model.laterPartial && <LaterPartialNote partial={model.laterPartial} />}
      </section>

      <IssuerCharts slug={issuer.slug} locale={locale} charts={charts} />

      <section aria-labelledby="eligibility-h">
        <h2 id="eligibility-h">{t("page.eligibility")}</h2>
        <EligibilityTable model={model} />
      </section>

      <section aria-labelledby="questions-h">
        <h2 id="questions-h">{t("page.questions")}</h2>
        <Evaluation answers={model.evaluation} />
      </section>

      <section aria-labelledby="reports-h">
        <h2 id="reports-h">{t("page.reports", { count: model.reportCount })}</h2>
        <p className="sub">
          {t.rich("page.reportsNote", {
            changelog: (chunks) => <Link href={`/issuers/${issuer.slug}/changelog`}>{chunks}</Link>,
            suggest: (chunks) => (
              <a href={localizeHref(`/issuers/${issuer.slug}/suggest`, locale)} rel="nofollow">
                {chunks}
              </a>
            ),
          })}
        </p>
        <AttestationTable rows={model.recentRows} slug={issuer.slug} termsExplained />
        <p className="sub" data-testid="all-reports">
          {t.rich("page.reportsRecent", {
            shown: Math.min(RECENT_REPORTS, model.reportCount),
            count: model.reportCount,
            all: (chunks) => <Link href={`/issuers/${issuer.slug}/history`}>{chunks}</Link>,
          })}
        </p>
      </section>

      <section aria-labelledby="stress-h">
        <h2 id="stress-h">{t("page.stress")}</h2>
        <StressTimeline events={model.stressEvents.slice(0, RECENT_STRESS)} />
        {model.stressEvents.length > RECENT_STRESS && (
          <p className="sub" data-testid="all-stress">
            <Link href={`/issuers/${issuer.slug}/history#stress-h`}>{t("page.stressAll", { count: model.stressEvents.length })}</Link>
          </p>
        )}
      </section>

      <IssuerDataLinks slug={issuer.slug} name={issuer.name} />

      <section aria-labelledby="facts-h">
        <h2 id="facts-h">{t("page.about")}</h2>
        <IssuerFacts issuer={issuer} />
        {issuer.sourceUrl && (
          <p className="sub">
            {t.rich("page.factsFrom", {
              host: new URL(issuer.sourceUrl).hostname,
              link: (chunks) => (
                <a href={issuer.sourceUrl!} rel="noopener noreferrer nofollow">
                  {chunks}
                </a>
              ),
            })}
          </p>
        )}
      </section>
    </article>
  );
}

export default async function IssuerPage(props: Props) {
  return <IssuerProfile {...props} />;
}
