import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getIssuerPage } from "@/lib/server/queries/issuer-page";
import { issuerStaticParams } from "@/lib/server/queries/issuer";
import { IssuerFacts } from "@/components/issuer/issuer-facts";
import { KeyFigures } from "@/components/issuer/key-figures";
import { CompositionTable } from "@/components/issuer/composition-table";
import { EligibilityTable } from "@/components/issuer/eligibility-table";
import { AttestationTable } from "@/components/issuer/attestation-table";
import { StressTimeline } from "@/components/issuer/stress-timeline";
import { Evaluation } from "@/components/issuer/evaluation";
import { IssuerCharts } from "@/components/issuer/issuer-charts";
import { Markdown } from "@/components/ui/markdown";
import { IssuerDataLinks } from "@/components/issuer/issuer-data-links";
import { LaterPartialNote } from "@/components/issuer/later-partial-note";
import { LiveSignals } from "@/components/issuer/live-signals";
import { getIssuerLive } from "@/lib/server/queries/live";
import { localizeHref } from "@/i18n/routing";
import { formatDay } from "@/lib/domain/dates";
import { currentLocale } from "@/lib/i18n/server";
import { COMPLETE_BREAKDOWN_PCT } from "@/lib/domain/metrics/composition";

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = issuerStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [model, t] = await Promise.all([getIssuerPage(slug), getTranslations("issuer.meta")]);
  if (!model) return { title: t("notFound") };
  const symbols = model.issuer.tokenSymbols.join(", ");
  return {
    title: t("title", { issuer: `${model.issuer.name}${symbols ? ` (${symbols})` : ""}` }),
    description: t("description", { name: model.issuer.name }),
  };
}

async function IssuerProfile({ params }: Props) {
  const { slug } = await params;
  const [model, live] = await Promise.all([getIssuerPage(slug), getIssuerLive(slug)]);
  if (!model) notFound();
  const [t, common, locale] = await Promise.all([getTranslations("issuer"), getTranslations("common"), currentLocale()]);
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
          <p>{model.known.withReserves === 0 && model.known.withTokens > 0 ? t("page.noCompositionSupplyOnly") : t("page.noComposition")}</p>
        )}
        {model.laterPartial && <LaterPartialNote partial={model.laterPartial} />}
      </section>

      <IssuerCharts slug={issuer.slug} />

      <section aria-labelledby="eligibility-h">
        <h2 id="eligibility-h">{t("page.eligibility")}</h2>
        <EligibilityTable model={model} />
      </section>

      <section aria-labelledby="questions-h">
        <h2 id="questions-h">{t("page.questions")}</h2>
        <Evaluation answers={model.evaluation} />
      </section>

      <section aria-labelledby="reports-h">
        <h2 id="reports-h">{t("page.reports", { count: model.rows.length })}</h2>
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
        <AttestationTable rows={model.rows} slug={issuer.slug} />
      </section>

      <section aria-labelledby="stress-h">
        <h2 id="stress-h">{t("page.stress")}</h2>
        <StressTimeline events={model.stressEvents} />
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
