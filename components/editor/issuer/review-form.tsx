"use client";

import { useActionState } from "react";

import type { ActionResult } from "@/lib/domain/views/editor";

type ReviewAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ reviewedAt: string }>>;

/** "Mark reviewed": the record was checked against its sources today. */
export function ReviewForm({
  slug,
  last,
  markReviewed,
}: {
  slug: string;
  last: { at: string; by: string; note: string | null } | null;
  markReviewed: ReviewAction;
}) {
  const [state, action, pending] = useActionState(markReviewed, null);
  const shown = state?.ok ? { at: state.data.reviewedAt, by: "you", note: null } : last;
  return (
    <form action={action} className="review-form" data-testid="review-form">
      <p>
        {shown ? (
          <>
            Last reviewed <time dateTime={shown.at}>{shown.at.slice(0, 10)}</time> by {shown.by}
            {shown.note ? `: ${shown.note}` : "."}
          </>
        ) : (
          "Never reviewed."
        )}
      </p>
      <input type="hidden" name="slug" value={slug} />
      <label htmlFor="review-note">Note (optional: what you checked)</label>
      <input id="review-note" name="note" maxLength={500} />
      <button type="submit" className="btn" disabled={pending}>
        {pending ? "Saving…" : "Mark reviewed"}
      </button>
      {state && !state.ok && (
        <p role="alert" className="error">
          {state.error.message}
        </p>
      )}
      {state?.ok && <p role="status">Marked reviewed.</p>}
    </form>
  );
}
