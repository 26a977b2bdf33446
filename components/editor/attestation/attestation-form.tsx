"use client";

// The attestation form: live validation with the shared editor schema while
// typing, warnings that do not stop a save, and TanStack Query mutations to the
// route handlers, which parse with the same schema. What the buttons do depends
// on the report's state: a draft is saved or published; a published report is
// corrected (with a reason readers will see); a retracted one is read-only.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";

import { attestationWarnings } from "@/lib/domain/editor/attestation-warnings";
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import { attestationEditorInput } from "@/lib/domain/schemas/attestation-editor";
import { ClientForm } from "@/components/editor/client-form";

import { sendJson } from "../api";
import { ConflictNotice, FailureNotice } from "../conflict-notice";
import { Field, FormMessage } from "../ui";
import { useRecordForm } from "../use-record-form";
import { AttestationFields } from "./attestation-fields";
import { CompositionEditor } from "./composition-editor";
import { fromInput, toInput, type AttestationFormState } from "./state";

type Step = "create" | "save" | "publish" | "correct";

interface Saved {
  id: string;
  version: number;
  state: string;
}

export interface AttestationFormProps {
  id: string | null;
  version: number | null;
  reportState: "draft" | "published" | "retracted" | null;
  initial: AttestationInput;
  /** A correction's reason to start from (a reader suggestion it answers). */
  initialReason?: string;
  /** Values to start from instead of the stored ones (a reader's proposed figure); the stored input stays the baseline. */
  prefill?: Partial<AttestationInput> | undefined;
  /** What the last publish or correction did (from the URL): the form remounts on the new version, so the notice cannot live only in its state. */
  savedNotice?: string | null | undefined;
}

const URLS: Record<Step, (id: string | null) => [string, "POST" | "PUT"]> = {
  create: () => ["/api/editor/attestations", "POST"],
  save: (id) => [`/api/editor/attestations/${id}`, "PUT"],
  publish: (id) => [`/api/editor/attestations/${id}/publish`, "POST"],
  correct: (id) => [`/api/editor/attestations/${id}/correct`, "POST"],
};

export function AttestationForm({
  id,
  version: initialVersion,
  reportState,
  initial,
  initialReason,
  prefill,
  savedNotice,
}: AttestationFormProps) {
  const router = useRouter();
  const opts = useMemo(
    () => ({ initial: fromInput({ ...initial, ...prefill }), toInput, schema: attestationEditorInput }),
    [initial, prefill],
  );
  const form = useRecordForm(opts);
  const [version, setVersion] = useState(initialVersion);
  const [baseline, setBaseline] = useState<unknown>(initial);
  const [reason, setReason] = useState(initialReason ?? "");
  const [notice, setNotice] = useState<string | null>(savedNotice ?? null);
  const readOnly = reportState === "retracted";
  const warnings = useMemo(
    () => attestationWarnings((form.parsed.success ? form.parsed.data : form.raw) as AttestationInput),
    [form.parsed, form.raw],
  );

  const mutation = useMutation({
    mutationFn: ({ step }: { step: Step }) => {
      const [url, method] = URLS[step](id);
      const body =
        step === "create" ? { input: form.raw } : { version, baseline, input: form.raw, ...(step === "correct" ? { reason } : {}) };
      return sendJson<Saved>(url, method, body);
    },
    onSuccess: (saved, { step }) => {
      if (step === "create") return router.push(`/editor/attestations/${saved.id}`);
      setVersion(saved.version);
      setBaseline(form.parsed.success ? form.parsed.data : form.raw);
      if (step === "save") return setNotice(`Draft saved at ${new Date().toLocaleTimeString()}.`);
      // Publishing and correcting change what the page shows around the form (state, revisions) and the version the form
      // is keyed on: the page renders again from the server and the remounted form shows the outcome named in the URL.
      router.replace(`/editor/attestations/${saved.id}?saved=${step}`);
    },
    onError: (err) => form.fail(err),
  });

  function send(step: Step) {
    setNotice(null);
    if (!form.readyToSend()) return;
    mutation.mutate({ step });
  }

  const setText = (key: keyof AttestationFormState, value: string) => form.edit(key, (s) => ({ ...s, [key]: value }));
  const failure = form.failure;
  return (
    <ClientForm
      className="record-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        send(reportState === null ? "create" : reportState === "draft" ? "save" : "correct");
      }}
    >
      {failure?.kind === "conflict" && failure.current ? (
        <ConflictNotice
          failure={failure}
          onReload={() => {
            form.setState(fromInput(failure.current!.input as AttestationInput));
            setVersion(failure.current!.version);
            setBaseline(failure.current!.input);
            form.setFailure(null);
          }}
          onKeepMine={() => {
            setVersion(failure.current!.version);
            setBaseline(failure.current!.input);
            form.setFailure(null);
            setNotice("Your values are kept. Check them against the changes above; saving now replaces the current version.");
          }}
        />
      ) : failure ? (
        <FailureNotice failure={failure} />
      ) : null}
      {notice && (
        <FormMessage kind="success" testId="save-notice">
          {notice}
        </FormMessage>
      )}
      {form.showAll && form.errorCount > 0 && (
        <FormMessage kind="error" testId="form-invalid">
          {form.errorCount} field{form.errorCount === 1 ? " needs" : "s need"} attention before this can be saved.
        </FormMessage>
      )}
      {warnings.length > 0 && (
        <div className="warnings" aria-live="polite" data-testid="warnings">
          <p>
            <strong>Check before saving</strong> (these do not stop a save):
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w.field + w.message}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}

      <AttestationFields
        state={form.state}
        disabled={readOnly}
        warnings={warnings}
        errorsFor={form.errorsFor}
        setText={setText}
        setFigure={(key, value) => form.edit(`${key}.value`, (s) => ({ ...s, [key]: value }))}
      />
      <CompositionEditor
        lines={form.state.composition}
        disabled={readOnly}
        errorsFor={form.errorsFor}
        onChange={(lines, key) => form.edit(key, (s) => ({ ...s, composition: lines }))}
      />

      {reportState === "published" && (
        <Field label="Reason for the correction (shown to readers)" error={form.errorsFor("reason")} wide>
          {(a) => <input {...a} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
      )}

      {!readOnly && (
        <p className="actions">
          {reportState === null && (
            <button className="btn primary" type="submit" disabled={mutation.isPending}>
              Save as draft
            </button>
          )}
          {reportState === "draft" && (
            <>
              <button className="btn" type="submit" disabled={mutation.isPending}>
                Save draft
              </button>
              <button className="btn primary" type="button" disabled={mutation.isPending} onClick={() => send("publish")}>
                Publish
              </button>
            </>
          )}
          {reportState === "published" && (
            <button className="btn primary" type="submit" disabled={mutation.isPending}>
              Save correction
            </button>
          )}
          {mutation.isPending && <span className="sub"> Saving…</span>}
        </p>
      )}
    </ClientForm>
  );
}
