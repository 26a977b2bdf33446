"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import type { ActionResult, DecidedSuggestion } from "@/lib/domain/views/editor";

import { FormMessage } from "./ui";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<DecidedSuggestion>>;

export function SuggestionDecision({ id, accept, decline }: { id: string; accept: Action; decline: Action }) {
  const router = useRouter();
  const [accepted, submitAccept, accepting] = useActionState(accept, null);
  const [declined, submitDecline, declining] = useActionState(decline, null);
  useEffect(() => {
    if (accepted?.ok && accepted.data.next) router.push(accepted.data.next);
    else if (accepted?.ok || declined?.ok) router.refresh();
  }, [accepted, declined, router]);
  const failed = (accepted && !accepted.ok ? accepted : null) ?? (declined && !declined.ok ? declined : null);
  const reasonError = declined && !declined.ok ? (declined.error.fieldErrors as Record<string, string[]> | undefined)?.reason : undefined;
  return (
    <div className="stack">
      {failed && <FormMessage kind="error">{failed.error.message}</FormMessage>}
      {accepted?.ok && !accepted.data.next && (
        <FormMessage kind="success">
          Accepted. This suggestion names no report: <Link href="/editor/issuers">open the issuer</Link> to correct it.
        </FormMessage>
      )}
      <form action={submitAccept}>
        <input type="hidden" name="id" value={id} />
        <button className="btn" type="submit" disabled={accepting || declining} data-testid="accept-suggestion">
          Accept and correct the report
        </button>
      </form>
      <form action={submitDecline} className="stack">
        <input type="hidden" name="id" value={id} />
        <div className="field">
          <label htmlFor={`decline-${id}`}>Reason for declining (the reader sees it)</label>
          <input id={`decline-${id}`} name="reason" required minLength={3} maxLength={1000} />
          {reasonError && <p className="field-error">{reasonError.join("; ")}</p>}
        </div>
        <button className="btn danger" type="submit" disabled={accepting || declining} data-testid="decline-suggestion">
          Decline
        </button>
      </form>
    </div>
  );
}
