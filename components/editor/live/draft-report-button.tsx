"use client";

// "Draft a report from this figure": one issuer-stated live figure → a draft
// issuer report (self-reported, its provenance in the notes), then its editor page.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { ApiError, sendJson } from "../api";

export function DraftReportButton({ readingId }: { readingId: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => sendJson<{ id: string; href: string }>(`/api/editor/live-sources/readings/${readingId}/draft-report`, "POST", {}),
    onSuccess: (drafted) => router.push(drafted.href),
  });
  const failure =
    mutation.error instanceof ApiError
      ? mutation.error.body
      : mutation.error
        ? { message: "Something went wrong; nothing was saved.", existing: undefined }
        : null;
  return (
    <>
      <button type="button" className="btn" disabled={mutation.isPending} onClick={() => mutation.mutate()} data-testid="draft-from-figure">
        Draft a report from this figure
      </button>
      {failure && (
        <span role="alert" className="field-error">
          {failure.message} {failure.existing && <Link href={failure.existing.href}>Open the existing report</Link>}
        </span>
      )}
    </>
  );
}
