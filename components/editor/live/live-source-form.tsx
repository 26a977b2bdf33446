"use client";

// Create or edit one live source of an issuer (token deployment, reserve
// address, reserve feed, transparency endpoint): the kind's own schema while
// typing and on the server. These records carry no version column; the version
// the form sends is the row's updatedAt in milliseconds (see
// lib/server/commands/live-sources.ts), so the usual versioned save applies.
import { useMemo } from "react";
import type { ZodType } from "zod";

import { ADAPTER_NAMES, LIVE_SOURCE_SCHEMAS, type LiveSourceKind } from "@/lib/domain/schemas/live-sources";
import { ClientForm } from "@/components/editor/client-form";

import { ConflictNotice, FailureNotice } from "../conflict-notice";
import { Field, FormMessage, Options } from "../ui";
import { useRecordForm } from "../use-record-form";
import { useVersionedSave } from "../use-versioned-save";

interface FieldSpec {
  key: string;
  label: string;
  hint?: string;
  type?: "text" | "url" | "textarea" | "adapter";
}

const FIELDS: Record<LiveSourceKind, FieldSpec[]> = {
  deployments: [
    { key: "chain", label: "Chain", hint: "lower-case key: ethereum, tron, solana, arbitrum, polygon-zkevm, …" },
    { key: "address", label: "Contract address or mint", hint: "EVM 0x + 40 hex; Tron T…; Solana base58" },
    { key: "decimals", label: "Decimals", hint: "0 to 36, as the token contract states" },
    { key: "symbol", label: "Symbol" },
    { key: "sourceUrl", label: "Source URL", type: "url", hint: "where this deployment is documented" },
    { key: "note", label: "Note", type: "textarea" },
  ],
  "reserve-addresses": [
    { key: "chain", label: "Chain" },
    { key: "address", label: "Reserve address" },
    { key: "asset", label: "Asset held", hint: "symbol, e.g. USDC" },
    { key: "assetAddress", label: "Asset contract", hint: "the token whose balance is read" },
    { key: "assetDecimals", label: "Asset decimals", hint: "0 to 36" },
    { key: "label", label: "Label", hint: "what the issuer calls this address" },
    { key: "sourceUrl", label: "Source URL", type: "url", hint: "where the issuer publishes this address" },
  ],
  "reserve-feeds": [
    { key: "chain", label: "Chain" },
    { key: "feedAddress", label: "Feed address", hint: "an AggregatorV3 (latestRoundData) contract" },
    { key: "decimals", label: "Decimals", hint: "empty: read decimals() on the feed each time" },
    { key: "reports", label: "What it reports", hint: "e.g. USD reserves of TUSD" },
    { key: "unit", label: "Unit of the answer", hint: "USD, or the token's own units" },
    { key: "sourceUrl", label: "Source URL", type: "url" },
  ],
  endpoints: [
    { key: "adapter", label: "Adapter", type: "adapter", hint: "how the response is read" },
    { key: "url", label: "Endpoint URL", type: "url", hint: "what is fetched" },
    { key: "sourceUrl", label: "Source URL", type: "url", hint: "where the issuer links or documents it" },
  ],
};

const BLANK: Record<LiveSourceKind, Record<string, string>> = {
  deployments: { chain: "", address: "", decimals: "", symbol: "", sourceUrl: "", note: "" },
  "reserve-addresses": { chain: "", address: "", asset: "", assetAddress: "", assetDecimals: "", label: "", sourceUrl: "" },
  "reserve-feeds": { chain: "", feedAddress: "", decimals: "", reports: "", unit: "USD", sourceUrl: "" },
  endpoints: { adapter: ADAPTER_NAMES[0], url: "", sourceUrl: "" },
};

interface LiveFormState {
  issuerSlug: string;
  values: Record<string, string>;
  enabled: boolean;
}

/** The input shape (numbers, nulls) → what the form holds (text). */
function fromInput(kind: LiveSourceKind, issuerSlug: string) {
  return (input: unknown): LiveFormState => {
    const i = (input ?? {}) as Record<string, unknown>;
    // Keys the input holds replace the blank form's (a null is an empty field); the rest keep their defaults.
    const values = Object.fromEntries(
      Object.keys(BLANK[kind])
        .filter((k) => k in i)
        .map((k) => [k, i[k] === null || i[k] === undefined ? "" : String(i[k])]),
    );
    return { issuerSlug, values: { ...BLANK[kind], ...values }, enabled: i.enabled === undefined ? true : i.enabled === true };
  };
}

function toInput(s: LiveFormState): unknown {
  return { issuerSlug: s.issuerSlug, ...s.values, enabled: s.enabled };
}

export function LiveSourceForm({
  kind,
  issuerSlug,
  id,
  version,
  initial,
}: {
  kind: LiveSourceKind;
  issuerSlug: string;
  id: string | null;
  version: number | null;
  initial: unknown;
}) {
  const from = useMemo(() => fromInput(kind, issuerSlug), [kind, issuerSlug]);
  const opts = useMemo(
    () => ({ initial: from(initial), toInput, schema: LIVE_SOURCE_SCHEMAS[kind] as ZodType<unknown> }),
    [from, initial, kind],
  );
  const form = useRecordForm(opts);
  const save = useVersionedSave({
    form,
    id,
    version,
    baseline: initial,
    createUrl: `/api/editor/live-sources/${kind}`,
    updateUrl: (i) => `/api/editor/live-sources/${kind}/${i}`,
    editHref: (saved) => `/editor/issuers/${issuerSlug}/live?saved=${encodeURIComponent(saved.id)}#${kind}`,
    fromInput: from,
  });
  const s = form.state;
  const failure = form.failure;
  return (
    <ClientForm
      className="record-form"
      noValidate
      data-testid={`live-form-${kind}`}
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
        {FIELDS[kind].map((f) => (
          <Field
            key={f.key}
            label={f.label}
            error={form.errorsFor(f.key)}
            wide={f.type === "textarea"}
            {...(f.hint ? { hint: f.hint } : {})}
          >
            {(a) =>
              f.type === "adapter" ? (
                <select
                  {...a}
                  name={f.key}
                  value={s.values[f.key] ?? ""}
                  onChange={(e) => form.edit(f.key, (st) => ({ ...st, values: { ...st.values, [f.key]: e.target.value } }))}
                >
                  <Options values={ADAPTER_NAMES} labels={Object.fromEntries(ADAPTER_NAMES.map((n) => [n, n]))} />
                </select>
              ) : f.type === "textarea" ? (
                <textarea
                  {...a}
                  name={f.key}
                  rows={2}
                  value={s.values[f.key] ?? ""}
                  onChange={(e) => form.edit(f.key, (st) => ({ ...st, values: { ...st.values, [f.key]: e.target.value } }))}
                />
              ) : (
                <input
                  {...a}
                  name={f.key}
                  type={f.type === "url" ? "url" : "text"}
                  value={s.values[f.key] ?? ""}
                  onChange={(e) => form.edit(f.key, (st) => ({ ...st, values: { ...st.values, [f.key]: e.target.value } }))}
                />
              )
            }
          </Field>
        ))}
        <Field label="Read on schedule" error={form.errorsFor("enabled")} hint="unticked: kept, but not read">
          {(a) => (
            <input
              {...a}
              type="checkbox"
              name="enabled"
              checked={s.enabled}
              onChange={(e) => form.edit("enabled", (st) => ({ ...st, enabled: e.target.checked }))}
            />
          )}
        </Field>
      </div>
      <p className="actions">
        <button className="btn primary" type="submit" disabled={save.pending}>
          {id ? "Save" : "Add"}
        </button>
      </p>
    </ClientForm>
  );
}
