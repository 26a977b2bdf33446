import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { METRIC_DEFINITIONS } from "@/lib/domain/metrics/definitions";
import { ELIGIBILITY_FRAMEWORKS } from "@/lib/domain/metrics/eligibility";
import { METHODOLOGY_VERSION, METRIC_CHANGELOG, metricVersion } from "@/lib/domain/metrics/versions";
import { RESERVE_CATEGORIES } from "@/lib/domain/taxonomy";
import { numberFormatters } from "@/lib/i18n/format";
import { runWorkedExample } from "@/lib/i18n/illustrative-examples";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { currentLocale } from "@/lib/i18n/server";
import { liveWorkedExamples } from "@/lib/server/queries/methodology-examples";
import { DateText } from "@/components/ui/date-text";

import { LiveExample } from "./live-example";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("methodology");
  return { title: t("meta.title"), description: t("meta.description") };
}

// Older links point to /methodology#eligibility: that anchor is kept on the metric's heading.
const HEADING_ANCHOR: Partial<Record<string, string>> = { eligible_share: "eligibility" };

/**
 * Generated from the same definitions the code computes with: each metric's
 * formula comes from lib/domain/metrics/definitions.ts and its version and dated
 * changelog from lib/domain/metrics/versions.ts. Two worked examples per metric:
 * one from a real published row of the database
 * (lib/server/queries/methodology-examples.ts), recomputed whenever published
 * data changes, and one with illustrative figures that documents an edge case
 * (lib/i18n/illustrative-examples.ts); both run the production function. The metric names, plain-language summaries
 * and the wording of the live examples are in the catalogue
 * (methodology.metric.<id>, methodology.live.*); the technical text is English
 * in every language, marked lang="en" on the other languages' pages.
 */
export default async function MethodologyPage() {
  const [t, tc, L, f, locale, examples] = await Promise.all([
    getTranslations("methodology"),
    getTranslations("common"),
    taxonomyLabels(),
    numberFormatters(),
    currentLocale(),
    liveWorkedExamples(),
  ]);
  const en = locale === "en" ? undefined : "en";
  const ctx = { t, tc, f, L };
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <nav aria-label={t("tocLabel")} className="toc">
        <ul>
          {METRIC_DEFINITIONS.map((m) => (
            <li key={m.id}>
              <a href={`#${m.id}`}>{t(`metric.${m.id}.name`)}</a>
            </li>
          ))}
          <li>
            <a href="#rules">{t("tocRules")}</a>
          </li>
          <li>
            <a href="#versions">{t("tocVersions")}</a>
          </li>
        </ul>
      </nav>
      <section id="versions" aria-labelledby="versions-h">
        <h2 id="versions-h" data-testid="methodology-version">
          {t("methodologyVersion", { version: METHODOLOGY_VERSION })}
        </h2>
        <p>{t("versions.intro")}</p>
        <div className="table-scroll">
          <table data-testid="metric-versions">
            <caption className="skip">{t("versions.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("versions.th.metric")}</th>
                <th scope="col">{t("versions.th.version")}</th>
                <th scope="col">{t("versions.th.date")}</th>
              </tr>
            </thead>
            <tbody>
              {METRIC_DEFINITIONS.map((m) => {
                const changed = METRIC_CHANGELOG[m.id].at(-1)?.date;
                return (
                  <tr key={m.id} data-metric={m.id}>
                    <th scope="row">
                      <a href={`#${m.id}-changes`}>{t(`metric.${m.id}.name`)}</a>
                    </th>
                    <td>{metricVersion(m.id)}</td>
                    <td>{changed !== undefined && <DateText iso={changed} locale={locale} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {en && <p className="sub">{t("englishNote")}</p>}
      {METRIC_DEFINITIONS.map((m) => {
        const example = runWorkedExample(m.id);
        const headingId = HEADING_ANCHOR[m.id] ?? `${m.id}-h`;
        return (
          <section key={m.id} id={m.id} className="metric" aria-labelledby={headingId}>
            <h2 id={headingId}>{t(`metric.${m.id}.name`)}</h2>
            <p className="sub" data-testid={`version-${m.id}`}>
              {t("metricVersion", { version: metricVersion(m.id) })}
            </p>
            <p>{t(`metric.${m.id}.summary`)}</p>
            <details className="rules">
              <summary>{t("details")}</summary>
              <p className="formula" lang={en}>
                <code>{m.formula}</code>
              </p>
              <p lang={en}>{m.explanation}</p>
              <p className="sub">{t("inputs", { list: m.inputs.join("; ") })}</p>
              <LiveExample id={m.id} examples={examples} ctx={ctx} />
              <div className="example">
                <h3>{t("workedExample")}</h3>
                <p lang={en}>{example.input}</p>
                <p>
                  {t.rich("result", {
                    output: example.output,
                    strong: (chunks) => <strong data-testid={`example-${m.id}`}>{chunks}</strong>,
                  })}
                </p>
                <p className="sub">
                  {t.rich("computedBy", {
                    fn: m.implementation.exportName,
                    module: `${m.implementation.module}.ts`,
                    code: (chunks) => <code>{chunks}</code>,
                  })}
                </p>
              </div>
              {m.edgeCases.length > 0 && (
                <>
                  <h3>{t("edgeCases")}</h3>
                  <ul lang={en}>
                    {m.edgeCases.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </>
              )}
            </details>
            <h3 id={`${m.id}-changes`}>{t("changelog.heading")}</h3>
            <div className="table-scroll">
              <table data-testid={`changelog-${m.id}`}>
                <caption className="skip">{t("changelog.caption", { metric: t(`metric.${m.id}.name`) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("changelog.th.version")}</th>
                    <th scope="col">{t("changelog.th.date")}</th>
                    <th scope="col">{t("changelog.th.change")}</th>
                  </tr>
                </thead>
                <tbody>
                  {METRIC_CHANGELOG[m.id].map((c) => (
                    <tr key={c.version}>
                      <th scope="row">{c.version}</th>
                      <td>
                        <DateText iso={c.date} locale={locale} />
                      </td>
                      <td lang={en}>{c.change}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
      <section id="rules" aria-labelledby="rules-h">
        <h2 id="rules-h">{t("rules.heading")}</h2>
        <p>{t("rules.intro")}</p>
        {ELIGIBILITY_FRAMEWORKS.map((f) => (
          <details key={f.id} className="rules">
            <summary>
              {f.name} <span className="sub">({f.version})</span>
            </summary>
            <p className="sub">
              {t.rich("rules.source", {
                citation: f.citation,
                link: (chunks) => (
                  <a href={f.url} rel="noopener noreferrer nofollow">
                    {chunks}
                  </a>
                ),
              })}
              {f.depositFloor && (
                <>
                  .{" "}
                  {t("rules.depositFloor", {
                    standard: f.depositFloor.standardPct,
                    significant: f.depositFloor.significantPct,
                    citation: f.depositFloor.citation,
                  })}
                </>
              )}
            </p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("rules.th.category")}</th>
                    <th scope="col">{t("rules.th.decision")}</th>
                    <th scope="col">{t("rules.th.why")}</th>
                  </tr>
                </thead>
                <tbody>
                  {RESERVE_CATEGORIES.map((c) => {
                    const rule = f.rules[c];
                    return (
                      <tr key={c}>
                        <th scope="row">{L.category(c)}</th>
                        <td>
                          {t(`rules.decision.${rule.status}`)}
                          {rule.maxMaturityDays !== undefined && <> {t("rules.maxDays", { days: rule.maxMaturityDays })}</>}
                        </td>
                        <td className="sub" lang={en}>
                          {rule.reason}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </details>
        ))}
      </section>
    </>
  );
}
