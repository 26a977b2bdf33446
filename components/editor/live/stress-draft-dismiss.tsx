"use client";

// Dismiss a draft stress event opened by the depeg detector (audited; nothing public changes).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { ApiError, sendJson } from "../api";

export function StressDraftDismiss({ id }: { id: string }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const mutation = useMutation({
    mutationFn: () => sendJson(`/api/editor/stress-drafts/${id}/dismiss`, "POST", { input: { reason } }),
    onSuccess: () => router.refresh(),
  });
  const error =
    mutation.error instanceof ApiError ? mutation.error.body.message : mutation.error ? "Something went wrong; nothing was saved." : null;
  return (
    <span className="inline-form">
      <input
        aria-label="Why dismiss (optional)"
        placeholder="why (optional)"
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="button" className="btn" disabled={mutation.isPending} onClick={() => mutation.mutate()} data-testid="dismiss-draft">
        Dismiss
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
