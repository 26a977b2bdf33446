"use client";

// State shared by the editor's record forms: the values being typed, live
// validation with the same zod schema the server parses with, which errors to
// show (a field's own once it was edited, all of them after a save attempt),
// and the server's answer (field errors, a conflict, a duplicate).
import { useMemo, useState } from "react";
import type { ZodType } from "zod";

import { ApiError, type ApiErrorBody } from "./api";

export type Errors = Record<string, string[]>;

function group(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Errors {
  const out: Errors = {};
  for (const i of issues) (out[i.path.map(String).join(".") || "_form"] ??= []).push(i.message);
  return out;
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

export function useRecordForm<S, T>(opts: { initial: S; toInput: (s: S) => unknown; schema: ZodType<T> }) {
  const [state, setState] = useState<S>(opts.initial);
  const [touched, setTouched] = useState<string[]>([]);
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<ApiErrorBody | null>(null);

  const raw = useMemo(() => opts.toInput(state), [opts, state]);
  const parsed = useMemo(() => opts.schema.safeParse(raw), [opts.schema, raw]);
  const clientErrors = useMemo(() => (parsed.success ? {} : group(parsed.error.issues)), [parsed]);

  /** Errors to show for one field key ("totalReserves.value", "composition.2.category"). */
  function errorsFor(key: string): string[] | undefined {
    const own = showAll || touched.some((t) => related(t, key)) ? (clientErrors[key] ?? []) : [];
    const server = serverErrors[key] ?? [];
    const all = [...new Set([...own, ...server])];
    return all.length ? all : undefined;
  }

  /** Changes the state and marks the field as edited (its server error no longer applies). */
  function edit(key: string, change: (s: S) => S) {
    setState(change);
    setTouched((t) => (t.includes(key) ? t : [...t, key]));
    setServerErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !related(k, key))));
  }

  /** Before sending: show every problem; false when the form is not valid yet. */
  function readyToSend(): boolean {
    setShowAll(true);
    setFailure(null);
    return parsed.success;
  }

  function fail(err: unknown) {
    const body: ApiErrorBody =
      err instanceof ApiError ? err.body : { kind: "internal", message: "Something went wrong; nothing was saved." };
    setFailure(body);
    setServerErrors(body.fieldErrors ?? {});
  }

  const errorCount = Object.keys(clientErrors).length;
  return { state, setState, raw, parsed, errorsFor, edit, readyToSend, fail, failure, setFailure, showAll, errorCount, clientErrors };
}

export type RecordForm<S, T> = ReturnType<typeof useRecordForm<S, T>>;
