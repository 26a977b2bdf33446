"use client";

// Issuer create and edit: live validation with the shared issuer schema, saved
// through the route handlers that parse with the same schema.
import { useMemo } from "react";

import { issuerInput, type IssuerInput } from "@/lib/domain/schemas/issuer";
import {
  BACKING_MODEL_LABELS,
  BACKING_MODELS,
  CADENCE_LABELS,
  CADENCES,
  ISSUER_STATUS_LABELS,
  ISSUER_STATUSES,
} from "@/lib/domain/taxonomy";
import { ClientForm } from "@/components/editor/client-form";

import { ConflictNotice, FailureNotice } from "../conflict-notice";
import { Field, FormMessage, Options } from "../ui";
import { useRecordForm } from "../use-record-form";
import { useVersionedSave } from "../use-versioned-save";
import { CounterpartiesEditor, LicencesEditor } from "./issuer-lists";
import { issuerFromInput, issuerToInput, type IssuerTextKey } from "./issuer-state";

export function IssuerForm({ id, version, initial }: { id: string | null; version: number | null; initial: IssuerInput }) {
  const opts = useMemo(() => ({ initial: issuerFromInput(initial), toInput: issuerToInput, schema: issuerInput }), [initial]);
  const form = useRecordForm(opts);
  const save = useVersionedSave({
    form,
    id,
    version,
    baseline: initial,
    createUrl: "/api/editor/issuers",
    updateUrl: (i) => `/api/editor/issuers/${i}`,
    editHref: (s) => `/editor/issuers/${String(s.slug)}`,
    fromInput: issuerFromInput,
  });
  const s = form.state;
  const text = (key: IssuerTextKey, label: string, extra: { hint?: string; readOnly?: boolean; long?: boolean } = {}) => (
    <Field label={label} error={form.errorsFor(key)} wide={extra.long} {...(extra.hint ? { hint: extra.hint } : {})}>
      {(a) =>
        extra.long ? (
          <textarea
            {...a}
            name={key}
            rows={3}
            value={s[key]}
            onChange={(e) => form.edit(key, (st) => ({ ...st, [key]: e.target.value }))}
          />
        ) : (
          <input
            {...a}
            name={key}
            value={s[key]}
            readOnly={extra.readOnly}
            onChange={(e) => form.edit(key, (st) => ({ ...st, [key]: e.target.value }))}
          />
        )
      }
    </Field>
  );
  const select = <T extends string>(key: IssuerTextKey, label: string, values: readonly T[], labels: Record<T, string>) => (
    <Field label={label} error={form.errorsFor(key)}>
      {(a) => (
        <select {...a} name={key} value={s[key]} onChange={(e) => form.edit(key, (st) => ({ ...st, [key]: e.target.value }))}>
          <Options values={values} labels={labels} />
        </select>
      )}
    </Field>
  );
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
      <fieldset>
        <legend>Issuer</legend>
        <div className="form-grid">
          {text("name", "Name")}
          {text(
            "slug",
            "Slug (part of the public address)",
            id
              ? { readOnly: true, hint: "Fixed once created." }
              : { hint: "Lower-case letters, digits and hyphens, e.g. northwind-dollar." },
          )}
          {text("tokenSymbols", "Token symbols", { hint: "Comma-separated, e.g. NWUSD, NWUSD.e" })}
          {text("legalEntity", "Legal entity")}
          {text("website", "Website")}
          {text("homeJurisdiction", "Home jurisdiction", { hint: "e.g. US-NY, SG, EU" })}
          {select("backingModel", "Backing model", BACKING_MODELS, BACKING_MODEL_LABELS)}
          {select("status", "Status", ISSUER_STATUSES, ISSUER_STATUS_LABELS)}
          {select("declaredCadence", "Declared report cadence", CADENCES, CADENCE_LABELS)}
          {text("chains", "Chains", { hint: "Comma-separated" })}
          {text("attestationFirms", "Attestation firms")}
          {text("sourceUrl", "Source URL for these facts")}
        </div>
        {text("description", "Description", { long: true })}
      </fieldset>
      <fieldset>
        <legend>Redemption terms</legend>
        <div className="form-grid">
          {text("redemptionEligibility", "Who may redeem")}
          {text("redemptionMinimumUsd", "Minimum (USD)")}
          {text("redemptionFee", "Fee")}
          {text("redemptionSettlement", "Stated settlement time")}
        </div>
      </fieldset>
      <LicencesEditor
        rows={s.licences}
        errorsFor={form.errorsFor}
        onChange={(rows, key) => form.edit(key, (st) => ({ ...st, licences: rows }))}
      />
      <CounterpartiesEditor
        rows={s.counterparties}
        errorsFor={form.errorsFor}
        onChange={(rows, key) => form.edit(key, (st) => ({ ...st, counterparties: rows }))}
      />
      <p className="actions">
        <button className="btn primary" type="submit" disabled={save.pending}>
          {id ? "Save issuer" : "Create issuer"}
        </button>
        {save.pending && <span className="sub"> Saving…</span>}
      </p>
    </ClientForm>
  );
}
