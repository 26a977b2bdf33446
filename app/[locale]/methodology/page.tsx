import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { METRIC_DEFINITIONS, runWorkedExample } from "@/lib/domain/metrics/definitions";
import { ELIGIBILITY_FRAMEWORKS } from "@/lib/domain/metrics/eligibility";
import { RESERVE_CATEGORIES } from "@/lib/domain/taxonomy";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { currentLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("methodology");
  return { title: t("meta.title"), description: t("meta.description") };
}

// Anchors used by links elsewhere on the site (e.g. /methodology#overdue).
const ANCHOR: Record<string, string> = { eligible_share: "eligibility", overdue: "overdue" };

/**
 * Generated from the same definitions the code computes with: each metric's
 * formula and worked example come from lib/domain/metrics/definitions.ts, and
 * each example is run through the production function as the page renders.
 * The metric names and plain-language summaries are in the catalogue
 * (methodology.metric.<id>); the technical text is English in every language,
 * marked lang="en" on the other languages' pages.
 */
export default async function MethodologyPage() {
  const [t, L, locale] = await Promise.all([getTranslations("methodology"), taxonomyLabels(), currentLocale()]);
  const en = locale === "en" ? undefined : "en";
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">{t("lede")}</p>
      <nav aria-label={t("tocLabel")} className="toc">
        <ul>
          {METRIC_DEFINITIONS.map((m) => (
            <li key={m.id}>
              <a href={`#${ANCHOR[m.id] ?? m.id}`}>{t(`metric.${m.id}.name`)}</a>
            </li>
          ))}
          <li>
            <a href="#rules">{t("tocRules")}</a>
          </li>
        </ul>
      </nav>
      {en && <p className="sub">{t("englishNote")}</p>}
      {METRIC_DEFINITIONS.map((m) => {
        const example = runWorkedExample(m.id);
        return (
          <section key={m.id} id={ANCHOR[m.id] ?? m.id} className="metric" aria-labelledby={`${m.id}-h`}>
            <h2 id={`${m.id}-h`}>{t(`metric.${m.id}.name`)}</h2>
            <p>{t(`metric.${m.id}.summary`)}</p>
            <p className="formula" lang={en}>
              <code>{m.formula}</code>
            </p>
            <p lang={en}>{m.explanation}</p>
            <p className="sub">{t("inputs", { list: m.inputs.join("; ") })}</p>
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
