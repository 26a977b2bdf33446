"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import type { ActionResult } from "@/lib/domain/views/editor";

import { FormMessage } from "./ui";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string; version: number }>>;

export function RetractForm({ id, version, action }: { id: string; version: number; action: Action }) {
  const router = useRouter();
  const [state, submit, pending] = useActionState(action, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const reasonError = state && !state.ok ? (state.error.fieldErrors as Record<string, string[]> | undefined)?.reason : undefined;
  return (
    <form action={submit} className="stack retract">
      {state && !state.ok && <FormMessage kind="error">{state.error.message}</FormMessage>}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="retract-reason">Reason for retracting (shown to readers beside the report)</label>
        <input id="retract-reason" name="reason" required minLength={3} maxLength={1000} />
        {reasonError && <p className="field-error">{reasonError.join("; ")}</p>}
      </div>
      <button className="btn danger" type="submit" disabled={pending}>
        Retract this report
      </button>
    </form>
  );
}
