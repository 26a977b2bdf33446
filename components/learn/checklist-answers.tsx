import { getTranslations } from "next-intl/server";

import type { IssuerSummary } from "@/lib/domain/views/issuer";
import type { ChecklistQuestion } from "@/lib/domain/views/learn";
import { numberFormatters } from "@/lib/i18n/format";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { localizeDigits } from "@/lib/i18n/numbers";
import { Link } from "@/components/i18n/link";

interface Answer {
  /** One or more sentences from the data; empty means the data does not say. */
  facts: React.ReactNode[];
  source?: { href: string; label: string } | undefined;
}

/**
 * The evaluation checklist answered for one issuer from its published reports:
 * facts, each with where it comes from, and "not disclosed" where the data is
 * silent. No score, no verdict: the reader weighs the answers.
 */
export async function ChecklistAnswers({ model, questions }: { model: IssuerSummary; questions: ChecklistQuestion[] }) {
  const t = await getTranslations("learn.checklist");
  const tc = await getTranslations("common");
  const f = await numberFormatters();
  const L = await taxonomyLabels();
  const latest = model.latest;
  const reportLink = (a: { reportUrl: string | null; sourceUrl: string | null; asOf: string } | null) =>
    a && (a.reportUrl ?? a.sourceUrl) ? { href: (a.reportUrl ?? a.sourceUrl)!, label: t("sourceOf", { date: f.date(a.asOf) }) } : undefined;

  const answers: Record<ChecklistQuestion["id"], Answer> = {
    "publishes-reports": {
      facts: model.known.asOfRange
        ? [
            t("reportsCount", {
              count: model.known.reports,
              first: f.date(model.known.asOfRange.first),
              last: f.date(model.known.asOfRange.last),
            }),
          ]
        : [],
      source: reportLink(latest),
    },
    "report-cadence": {
      facts: [
        model.issuer.declaredCadence !== "none" ? t("declaredCadence", { cadence: L.cadence(model.issuer.declaredCadence) }) : null,
        model.cadence.expectedReports !== null
          ? t("foundExpected", {
              from: f.date(model.cadence.from),
              found: model.cadence.reportsFound,
              expected: model.cadence.expectedReports,
            })
          : model.cadence.reportsFound > 0
            ? t("foundOnly", { from: f.date(model.cadence.from), found: model.cadence.reportsFound })
            : null,
        model.cadence.overdue.status === "overdue"
          ? t("overdue", { days: model.cadence.overdue.daysOverdue ?? 0 })
          : model.cadence.overdue.status === "expected_between" && model.cadence.overdue.windowStart && model.cadence.overdue.windowEnd
            ? t("expectedBetween", { from: f.date(model.cadence.overdue.windowStart), to: f.date(model.cadence.overdue.windowEnd) })
            : model.cadence.overdue.status === "on_schedule"
              ? t("onSchedule")
              : null,
      ].filter(Boolean),
    },
    "publication-lag": {
      facts:
        model.cadence.medianLagDays !== null
          ? [
              t("medianLag", {
                median: model.cadence.medianLagDays,
                worst: model.cadence.worstLagDays ?? model.cadence.medianLagDays,
                count: model.cadence.lags.length,
              }),
            ]
          : [],
    },
    assurance: {
      facts: (() => {
        const firms = model.known.firms;
        const methods = model.known.assurances.map((a) => L.assurance(a));
        return [
          firms.length ? t("firms", { firms: firms.join(", ") }) : null,
          latest ? t("latestKind", { kind: L.reportType(latest.reportType), method: L.assurance(latest.assurance) }) : null,
          methods.length > 1 ? t("methodsSeen", { methods: methods.join("; ") }) : null,
        ].filter(Boolean);
      })(),
      source: reportLink(latest),
    },
    coverage: {
      facts:
        model.latestCoverage && model.latestCoverage.coveragePct.value !== null
          ? [
              t("coverage", { pct: f.pct(model.latestCoverage.coveragePct, 1), date: f.date(model.latestCoverage.asOf) }),
              model.latestCoverage.onGroupTotals ? t("groupTotals") : null,
            ].filter(Boolean)
          : [],
      source: model.latestCoverage ? reportLink(model.latest) : undefined,
    },
    composition: {
      facts: model.latestComposition
        ? [
            t("largest", {
              date: f.date(model.latestComposition.asOf),
              list: [...model.latestComposition.categories]
                .filter((c) => c.sharePct.value !== null)
                .sort((a, b) => Number(b.sharePct.value) - Number(a.sharePct.value))
                .slice(0, 3)
                .map((c) => `${L.category(c.category)} ${f.pct(c.sharePct, 1)}`)
                .join(", "),
            }),
          ]
        : [],
      source: reportLink(model.compositionReport),
    },
    undisclosed: {
      facts: model.latestComposition
        ? [
            t("otherUndisclosed", { pct: f.pct(model.latestComposition.otherUndisclosedPct, 1) }),
            model.latestComposition.notCapturedPct.value !== null && Number(model.latestComposition.notCapturedPct.value) > 0
              ? t("notCaptured", { pct: f.pct(model.latestComposition.notCapturedPct, 1) })
              : null,
          ].filter(Boolean)
        : [],
      source: reportLink(model.compositionReport),
    },
    "eligible-assets": {
      facts: (() => {
        const genius = model.eligibility.find((e) => e.frameworkId === "us_genius_2025");
        if (!genius) return [];
        return genius.result.status === "assessed" && genius.result.share
          ? [t("eligible", { pct: f.pct(genius.result.share, 1) })]
          : [t("notAssessed")];
      })(),
      source: reportLink(model.compositionReport),
    },
    custody: {
      facts: model.issuer.counterparties.length
        ? [t("counterparties", { list: model.issuer.counterparties.map((c) => `${c.name} (${t(`role.${c.role}`)})`).join(", ") })]
        : [],
    },
    "stress-history": {
      facts: (() => {
        const events = model.stressEvents;
        if (!events.length) return [t("noStress")];
        const depegs = events.filter((e) => e.kind === "depeg" && e.lowestPrice !== null);
        const low = depegs.length ? depegs.reduce((m, e) => (Number(e.lowestPrice) < Number(m.lowestPrice) ? e : m)) : null;
        return [
          t("stressCount", { count: events.length }),
          low
            ? t("lowestPrice", {
                price: localizeDigits(low.lowestPrice!, f.locale),
                date: low.startDate !== null ? f.date(low.startDate) : "–",
              })
            : null,
        ].filter(Boolean);
      })(),
    },
  };

  return (
    <>
      <ol className="checklist" data-testid="checklist">
        {questions.map((q) => {
          const a = answers[q.id];
          return (
            <li key={q.id} data-question={q.id}>
              <h2>{q.question}</h2>
              <p className="sub">{q.why}</p>
              {a.facts.length ? (
                <ul className="checklist-facts">
                  {a.facts.map((fact, i) => (
                    <li key={i}>{fact}</li>
                  ))}
                </ul>
              ) : (
                <p className="not-disclosed" data-testid="not-disclosed">
                  {tc("notDisclosed")}
                </p>
              )}
              {a.facts.length > 0 && a.source && (
                <p className="sub">
                  <a href={a.source.href} rel="noopener noreferrer">
                    {a.source.label}
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <p className="checklist-more">
        <Link href={`/issuers/${model.issuer.slug}`}>{t("fullPage", { name: model.issuer.name })}</Link>
      </p>
    </>
  );
}
