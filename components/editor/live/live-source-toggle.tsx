"use client";

// Disable or enable one live source (kept with its readings either way).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import type { LiveSourceKind } from "@/lib/domain/schemas/live-sources";

import { ApiError, sendJson } from "../api";

export function LiveSourceToggle({ kind, id, version, enabled }: { kind: LiveSourceKind; id: string; version: number; enabled: boolean }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: () => sendJson(`/api/editor/live-sources/${kind}/${id}/${enabled ? "disable" : "enable"}`, "POST", { version }),
    onSuccess: () => router.refresh(),
  });
  const error =
    mutation.error instanceof ApiError ? mutation.error.body.message : mutation.error ? "Something went wrong; nothing was saved." : null;
  return (
    <>
      <button type="button" className="btn" disabled={mutation.isPending} onClick={() => mutation.mutate()} data-testid="live-toggle">
        {enabled ? "Disable" : "Enable"}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
