"use client";

// A dollar figure and how exact the source gave it (exact, rounded, "at least").
import { PRECISIONS, type Precision } from "@/lib/domain/taxonomy";

import { Field, Options } from "./ui";

export const PRECISION_LABELS: Record<Precision, string> = {
  exact: "exact",
  rounded: "rounded as published (≈)",
  lower_bound: "at least (≥)",
};

export function FigureInput(props: {
  label: string;
  name: string;
  value: { value: string; precision: Precision };
  onChange: (v: { value: string; precision: Precision }) => void;
  errors?: string[] | undefined;
  precisionErrors?: string[] | undefined;
  warning?: string | undefined;
  disabled?: boolean;
}) {
  const { value, onChange } = props;
  return (
    <Field
      label={`${props.label} (USD)`}
      error={props.errors}
      warning={props.warning}
      hint="Digits only, e.g. 1250000000.50; leave empty when not reported."
    >
      {(a) => (
        <div className="figure">
          <input
            {...a}
            name={`${props.name}.value`}
            inputMode="decimal"
            autoComplete="off"
            value={value.value}
            disabled={props.disabled}
            onChange={(e) => onChange({ ...value, value: e.target.value })}
          />
          <select
            aria-label={`${props.label}: precision`}
            name={`${props.name}.precision`}
            value={value.precision}
            disabled={props.disabled}
            onChange={(e) => onChange({ ...value, precision: e.target.value as Precision })}
          >
            <Options values={PRECISIONS} labels={PRECISION_LABELS} />
          </select>
        </div>
      )}
    </Field>
  );
}
