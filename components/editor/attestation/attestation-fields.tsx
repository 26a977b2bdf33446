"use client";

// Every field of a report except the composition lines, grouped as an editor
// reads a report: what and when, who checked it and how, where it was read,
// the figures, the liquidity ladder, notes.
import type { EditorWarning } from "@/lib/domain/editor/attestation-warnings";
import {
  ASSURANCE_LABELS,
  ASSURANCE_METHODS,
  OPINIONS,
  REPORT_TYPE_LABELS,
  REPORT_TYPES,
  SCOPE_LABELS,
  SCOPES,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
} from "@/lib/domain/taxonomy";

import { FigureInput } from "../figure-input";
import { Field, Options } from "../ui";
import type { AttestationFormState, FigureState, TextKey } from "./state";
import { UploadField } from "./upload-field";

interface Props {
  state: AttestationFormState;
  disabled: boolean;
  warnings: EditorWarning[];
  errorsFor: (key: string) => string[] | undefined;
  setText: (key: TextKey, value: string) => void;
  setFigure: (key: "tokensOutstanding" | "totalReserves", value: FigureState) => void;
}

export function AttestationFields({ state, disabled, warnings, errorsFor, setText, setFigure }: Props) {
  const warn = (field: string) =>
    warnings
      .filter((w) => w.field === field)
      .map((w) => w.message)
      .join(" ") || undefined;
  const input = (key: TextKey, label: string, extra: { type?: string; hint?: string; placeholder?: string; readOnly?: boolean } = {}) => (
    <Field label={label} error={errorsFor(key)} warning={warn(key)} {...(extra.hint ? { hint: extra.hint } : {})}>
      {(a) => (
        <input
          {...a}
          name={key}
          type={extra.type ?? "text"}
          value={state[key]}
          placeholder={extra.placeholder}
          readOnly={extra.readOnly}
          disabled={disabled}
          onChange={(e) => setText(key, e.target.value)}
        />
      )}
    </Field>
  );
  const select = <T extends string>(key: TextKey, label: string, values: readonly T[], labels?: Partial<Record<T, string>>) => (
    <Field label={label} error={errorsFor(key)}>
      {(a) => (
        <select {...a} name={key} value={state[key]} disabled={disabled} onChange={(e) => setText(key, e.target.value)}>
          <Options values={values} labels={labels} />
        </select>
      )}
    </Field>
  );

  return (
    <>
      <fieldset disabled={disabled}>
        <legend>The report</legend>
        <div className="form-grid">
          {input("asOf", "As-of date", { hint: "YYYY-MM-DD, or YYYY-MM when the report gives only the month.", placeholder: "2025-06-30" })}
          {input("publishedOn", "Publication date", {
            hint: "When the issuer or firm published it; empty if unknown.",
            placeholder: "2025-07-21",
          })}
          {select("reportType", "Report type", REPORT_TYPES, REPORT_TYPE_LABELS)}
          {select("assurance", "Assurance method", ASSURANCE_METHODS, ASSURANCE_LABELS)}
          {input("firm", "Firm")}
          {input("standard", "Standard followed", { placeholder: "e.g. AICPA AT-C 205" })}
          {select("opinion", "Opinion", OPINIONS)}
          {select("scope", "Scope of the figures", SCOPES, SCOPE_LABELS)}
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>Where the figures were read</legend>
        <div className="form-grid">
          {input("reportUrl", "Report URL", { type: "url", hint: "Required to publish (or a source URL)." })}
          {input("sourceUrl", "Source URL", { type: "url", hint: "The page actually read, when it is not the report itself." })}
          {select("sourceKind", "Source kind", SOURCE_KINDS, SOURCE_KIND_LABELS)}
          <UploadField disabled={disabled} onStored={(sha) => setText("reportSha256", sha)} />
          {input("reportSha256", "SHA-256 of the report file", { hint: "Filled in by an upload, or paste it." })}
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>Figures</legend>
        <div className="form-grid">
          <FigureInput
            label="Tokens outstanding"
            name="tokensOutstanding"
            value={state.tokensOutstanding}
            onChange={(v) => setFigure("tokensOutstanding", v)}
            errors={errorsFor("tokensOutstanding.value") ?? errorsFor("tokensOutstanding")}
            disabled={disabled}
          />
          <FigureInput
            label="Total reserves"
            name="totalReserves"
            value={state.totalReserves}
            onChange={(v) => setFigure("totalReserves", v)}
            errors={errorsFor("totalReserves.value") ?? errorsFor("totalReserves")}
            warning={warn("totalReserves")}
            disabled={disabled}
          />
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>Liquidity ladder (share of reserves convertible to cash)</legend>
        <div className="form-grid">
          {input("liquidity1dPct", "Within 1 day (%)")}
          {input("liquidity7dPct", "Within 7 days (%)")}
          {input("liquidity30dPct", "Within 30 days (%)")}
        </div>
      </fieldset>

      <Field label="Notes (shown as plain text)" error={errorsFor("notes")} wide>
        {(a) => (
          <textarea
            {...a}
            name="notes"
            rows={4}
            value={state.notes}
            disabled={disabled}
            onChange={(e) => setText("notes", e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
