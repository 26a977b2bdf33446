import { getTranslations } from "next-intl/server";

import type { EvaluationAnswer } from "@/lib/domain/evaluation";
import { numberFormatters } from "@/lib/i18n/format";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { priceUsd, wholeUsd } from "@/components/ui/money";

import { evaluationSentence, type FactFormat } from "./sentences";

/** The evaluation questions answered from data, "not disclosed" where there is none. */
export async function Evaluation({ answers }: { answers: EvaluationAnswer[] }) {
  const [t, f, L] = await Promise.all([getTranslations("issuer.evaluation"), numberFormatters(), taxonomyLabels()]);
  const format: FactFormat = {
    locale: f.locale,
    pct: (m, digits) => f.pct(m, digits),
    wholeUsd: (v) => wholeUsd(v, f.locale),
    priceUsd: (v) => priceUsd(v, f.locale),
    category: L.category,
    assurance: L.assurance,
  };
  return (
    <dl className="evaluation">
      {answers.map((a) => {
        const facts = a.facts.map((fact) => evaluationSentence(fact, t, format));
        return (
          <div key={a.id} data-testid={`evaluation-${a.id}`}>
            <dt>{t(`questions.${a.id}`)}</dt>
            <dd>
              {a.disclosed ? (
                <ul className="plain">
                  {facts.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              ) : (
                <span className="sub">{t("notDisclosed")}</span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
