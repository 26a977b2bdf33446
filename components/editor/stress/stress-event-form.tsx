"use client";

// Stress event create and edit, with its sources; same schema on both sides.
import { useMemo } from "react";

import { stressEventInput, type StressEventInput } from "@/lib/domain/schemas/stress-event";
import { STRESS_KIND_LABELS, STRESS_KINDS } from "@/lib/domain/taxonomy";
import { ClientForm } from "@/components/editor/client-form";

import { ConflictNotice, FailureNotice } from "../conflict-notice";
import { FigureInput } from "../figure-input";
import { Field, FormMessage, Options } from "../ui";
import { useRecordForm } from "../use-record-form";
import { useVersionedSave } from "../use-versioned-save";
import { newSource, stressFromInput, stressToInput, type StressFormState } from "./stress-state";

type TextKey = "startDate" | "endDate" | "kind" | "lowestPrice" | "summary" | "issuerResponse";

export function StressEventForm({
  id,
  version,
  initial,
  createUrl = "/api/editor/stress-events",
}: {
  id: string | null;
  version: number | null;
  initial: StressEventInput;
  /** Where a new event is posted: a draft from the depeg detector posts to its own "record" endpoint. */
  createUrl?: string;
}) {
  const opts = useMemo(() => ({ initial: stressFromInput(initial), toInput: stressToInput, schema: stressEventInput }), [initial]);
  const form = useRecordForm(opts);
  const save = useVersionedSave({
    form,
    id,
    version,
    baseline: initial,
    createUrl,
    updateUrl: (i) => `/api/editor/stress-events/${i}`,
    editHref: (s) => `/editor/stress/${s.id}`,
    fromInput: stressFromInput,
  });
  const s = form.state;
  const set = (key: TextKey, value: string) => form.edit(key, (st) => ({ ...st, [key]: value }));
  const input = (key: TextKey, label: string, hint?: string) => (
    <Field label={label} error={form.errorsFor(key)} {...(hint ? { hint } : {})}>
      {(a) => <input {...a} name={key} value={s[key]} onChange={(e) => set(key, e.target.value)} />}
    </Field>
  );
  const setSources = (sources: StressFormState["sources"], key: string) => form.edit(key, (st) => ({ ...st, sources }));
  const failure = form.failure;
  return (
    <ClientForm
      className="record-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.save();
      }}
    >
      {failure?.kind === "conflict" && failure.current ? (
        <ConflictNotice failure={failure} onReload={save.reloadCurrent} onKeepMine={save.keepMine} />
      ) : failure ? (
        <FailureNotice failure={failure} />
      ) : null}
      {save.notice && (
        <FormMessage kind="success" testId="save-notice">
          {save.notice}
        </FormMessage>
      )}
      <div className="form-grid">
        <Field label="Kind" error={form.errorsFor("kind")}>
          {(a) => (
            <select {...a} value={s.kind} onChange={(e) => set("kind", e.target.value)}>
              <Options values={STRESS_KINDS} labels={STRESS_KIND_LABELS} />
            </select>
          )}
        </Field>
        {input("startDate", "Start date", "YYYY-MM-DD")}
        {input("endDate", "End date", "YYYY-MM-DD; empty while ongoing or unknown")}
        {input("lowestPrice", "Lowest price seen (USD)", "e.g. 0.9650")}
        <FigureInput
          label="Reserve exposure"
          name="exposure"
          value={s.exposure}
          onChange={(v) => form.edit("reserveExposureUsd.value", (st) => ({ ...st, exposure: v }))}
          errors={form.errorsFor("reserveExposureUsd.value")}
        />
      </div>
      <Field label="What happened" error={form.errorsFor("summary")} wide>
        {(a) => <textarea {...a} rows={3} value={s.summary} onChange={(e) => set("summary", e.target.value)} />}
      </Field>
      <Field label="What the issuer did and said" error={form.errorsFor("issuerResponse")} wide>
        {(a) => <textarea {...a} rows={3} value={s.issuerResponse} onChange={(e) => set("issuerResponse", e.target.value)} />}
      </Field>
      <fieldset>
        <legend>Sources (at least one)</legend>
        {form.errorsFor("sources")?.map((m) => (
          <p key={m} className="field-error" data-testid="field-error">
            {m}
          </p>
        ))}
        {s.sources.map((src, i) => (
          <div className="source-row" key={src.key}>
            <Field label={`Source ${i + 1}: URL`} error={form.errorsFor(`sources.${i}.url`)}>
              {(a) => (
                <input
                  {...a}
                  type="url"
                  value={src.url}
                  onChange={(e) =>
                    setSources(
                      s.sources.map((x, j) => (j === i ? { ...x, url: e.target.value } : x)),
                      `sources.${i}.url`,
                    )
                  }
                />
              )}
            </Field>
            <Field label={`Source ${i + 1}: title`} error={form.errorsFor(`sources.${i}.title`)}>
              {(a) => (
                <input
                  {...a}
                  value={src.title}
                  onChange={(e) =>
                    setSources(
                      s.sources.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)),
                      `sources.${i}.title`,
                    )
                  }
                />
              )}
            </Field>
            <button
              type="button"
              className="btn link"
              onClick={() =>
                setSources(
                  s.sources.filter((_, j) => j !== i),
                  "sources",
                )
              }
            >
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="btn" onClick={() => setSources([...s.sources, newSource()], "sources")}>
          Add a source
        </button>
      </fieldset>
      <p className="actions">
        <button className="btn primary" type="submit" disabled={save.pending}>
          {id ? "Save stress event" : "Record stress event"}
        </button>
      </p>
    </ClientForm>
  );
}
