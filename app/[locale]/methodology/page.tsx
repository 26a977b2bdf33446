import type { Metadata } from "next";
import { METRIC_DEFINITIONS, runWorkedExample } from "@/lib/domain/metrics/definitions";
import { ELIGIBILITY_DISCLAIMER, ELIGIBILITY_FRAMEWORKS } from "@/lib/domain/metrics/eligibility";
import { CATEGORY_LABELS, RESERVE_CATEGORIES } from "@/lib/domain/taxonomy";

export const metadata: Metadata = {
  title: "Methodology",
  description: "How every figure on USD1 Backed is computed: formulas, edge cases, worked examples and the reserve-rule mappings.",
};

const DECISION_TEXT = { eligible: "eligible", not_eligible: "not eligible", depends_on_maturity: "depends on maturity" } as const;

// Anchors used by links elsewhere on the site (e.g. /methodology#overdue).
const ANCHOR: Record<string, string> = { eligible_share: "eligibility", overdue: "overdue" };

/**
 * Generated from the same definitions the code computes with: each metric's
 * name, formula and worked example come from lib/domain/metrics/definitions.ts,
 * and each example is run through the production function as the page renders.
 */
export default function MethodologyPage() {
  return (
    <>
      <h1>Methodology</h1>
      <p className="lede">
        How every number on this site is computed. All figures are recomputable from the data we publish. Precision
        travels with each figure: “≈” marks figures the source rounded, “≥” figures the source gave as a minimum, and a
        ratio keeps the direction of its inputs (a lower-bound numerator gives a lower bound, a lower-bound denominator
        an upper bound “≤”, and two lower bounds no bound at all, shown “≈”).
      </p>
      <nav aria-label="Metrics" className="toc">
        <ul>
          {METRIC_DEFINITIONS.map((m) => (
            <li key={m.id}>
              <a href={`#${ANCHOR[m.id] ?? m.id}`}>{m.name}</a>
            </li>
          ))}
          <li>
            <a href="#rules">Reserve rule tables</a>
          </li>
        </ul>
      </nav>
      {METRIC_DEFINITIONS.map((m) => {
        const example = runWorkedExample(m.id);
        return (
          <section key={m.id} id={ANCHOR[m.id] ?? m.id} className="metric" aria-labelledby={`${m.id}-h`}>
            <h2 id={`${m.id}-h`}>{m.name}</h2>
            <p className="formula">
              <code>{m.formula}</code>
            </p>
            <p>{m.explanation}</p>
            <p className="sub">Inputs: {m.inputs.join("; ")}.</p>
            {m.edgeCases.length > 0 && (
              <>
                <h3>Edge cases</h3>
                <ul>
                  {m.edgeCases.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </>
            )}
            <div className="example">
              <h3>Worked example</h3>
              <p>{example.input}</p>
              <p>
                Result: <strong data-testid={`example-${m.id}`}>{example.output}</strong>
              </p>
              <p className="sub">
                Computed by <code>{m.implementation.exportName}</code> in <code>{m.implementation.module}.ts</code>, the
                function the site uses.
              </p>
            </div>
          </section>
        );
      })}
      <section id="rules" aria-labelledby="rules-h">
        <h2 id="rules-h">Reserve rule tables (our mapping)</h2>
        <p>{ELIGIBILITY_DISCLAIMER} “Other / undisclosed” always counts as not eligible; where data is missing the result says “not assessed”, never “not eligible”.</p>
        {ELIGIBILITY_FRAMEWORKS.map((f) => (
          <details key={f.id} className="rules">
            <summary>
              {f.name} <span className="sub">({f.version})</span>
            </summary>
            <p className="sub">
              Source: <a href={f.url} rel="noopener noreferrer nofollow">{f.citation}</a>
              {f.depositFloor && (
                <>
                  . Deposit floor: {f.depositFloor.standardPct} % ({f.depositFloor.significantPct} % for significant tokens), {f.depositFloor.citation}
                </>
              )}
            </p>
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Category</th>
                    <th scope="col">Decision</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {RESERVE_CATEGORIES.map((c) => {
                    const rule = f.rules[c];
                    return (
                      <tr key={c}>
                        <th scope="row">{CATEGORY_LABELS[c]}</th>
                        <td>
                          {DECISION_TEXT[rule.status]}
                          {rule.maxMaturityDays !== undefined && ` (≤ ${rule.maxMaturityDays} days)`}
                        </td>
                        <td className="sub">{rule.reason}</td>
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
