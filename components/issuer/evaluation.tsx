import type { EvaluationAnswer } from "@/lib/domain/evaluation";

/** The evaluation questions answered from data, "not disclosed" where there is none. */
export function Evaluation({ answers }: { answers: EvaluationAnswer[] }) {
  return (
    <dl className="evaluation">
      {answers.map((a) => (
        <div key={a.id} data-testid={`evaluation-${a.id}`}>
          <dt>{a.question}</dt>
          <dd>
            {a.disclosed ? (
              <ul className="plain">
                {a.facts.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            ) : (
              <span className="sub">Not disclosed in the data we hold.</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
