"use client";

// Composition lines over the shared category taxonomy: an amount, a share, or both.
import { CATEGORY_LABELS, PRECISIONS, RESERVE_CATEGORIES } from "@/lib/domain/taxonomy";

import { PRECISION_LABELS } from "../figure-input";
import { Options } from "../ui";
import { newLine, type LineState } from "./state";

interface Props {
  lines: LineState[];
  disabled: boolean;
  onChange: (lines: LineState[], key: string) => void;
  errorsFor: (key: string) => string[] | undefined;
}

export function CompositionEditor({ lines, disabled, onChange, errorsFor }: Props) {
  const set = (i: number, patch: Partial<LineState>, field: string) =>
    onChange(
      lines.map((l, j) => (j === i ? { ...l, ...patch } : l)),
      `composition.${i}.${field}`,
    );
  const err = (i: number, field: string) => {
    const e = errorsFor(`composition.${i}.${field}`);
    return e ? (
      <span className="field-error" data-testid="field-error">
        {e.join("; ")}
      </span>
    ) : null;
  };
  return (
    <fieldset className="composition" disabled={disabled}>
      <legend>Composition lines</legend>
      {errorsFor("composition")?.map((m) => (
        <p key={m} className="field-error" data-testid="field-error">
          {m}
        </p>
      ))}
      {lines.length === 0 && <p className="sub">No lines captured. A report without a breakdown is still a report.</p>}
      {lines.length > 0 && (
        <div className="table-scroll">
          <table className="lines">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Amount (USD)</th>
                <th scope="col">Precision</th>
                <th scope="col">Share of reserves (%)</th>
                <th scope="col">Custodian</th>
                <th scope="col">Maturity</th>
                <th scope="col">
                  <span className="skip">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={l.key} data-testid="composition-line">
                  <td>
                    <select
                      aria-label={`Line ${i + 1}: category`}
                      value={l.category}
                      onChange={(e) => set(i, { category: e.target.value }, "category")}
                    >
                      <Options values={RESERVE_CATEGORIES} labels={CATEGORY_LABELS} empty="choose…" />
                    </select>
                    {err(i, "category")}
                  </td>
                  <td>
                    <input
                      aria-label={`Line ${i + 1}: amount`}
                      inputMode="decimal"
                      value={l.amount.value}
                      onChange={(e) => set(i, { amount: { ...l.amount, value: e.target.value } }, "amountUsd")}
                    />
                    {err(i, "amountUsd")}
                    {err(i, "amountUsd.value")}
                  </td>
                  <td>
                    <select
                      aria-label={`Line ${i + 1}: precision`}
                      value={l.amount.precision}
                      onChange={(e) =>
                        set(i, { amount: { ...l.amount, precision: e.target.value as LineState["amount"]["precision"] } }, "amountUsd")
                      }
                    >
                      <Options values={PRECISIONS} labels={PRECISION_LABELS} />
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`Line ${i + 1}: share`}
                      inputMode="decimal"
                      value={l.sharePct}
                      onChange={(e) => set(i, { sharePct: e.target.value }, "sharePct")}
                    />
                    {err(i, "sharePct")}
                  </td>
                  <td>
                    <input
                      aria-label={`Line ${i + 1}: custodian`}
                      value={l.custodian}
                      onChange={(e) => set(i, { custodian: e.target.value }, "custodian")}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`Line ${i + 1}: maturity`}
                      value={l.maturity}
                      onChange={(e) => set(i, { maturity: e.target.value }, "maturity")}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn link"
                      onClick={() =>
                        onChange(
                          lines.filter((_, j) => j !== i),
                          "composition",
                        )
                      }
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" className="btn" onClick={() => onChange([...lines, newLine()], "composition")}>
        Add a line
      </button>
    </fieldset>
  );
}
