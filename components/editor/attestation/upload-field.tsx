"use client";

// Uploads the report file and records its SHA-256 in the form.
import { useMutation } from "@tanstack/react-query";

import { sendFile, type ApiError } from "../api";

interface Stored {
  sha256: string;
  size: number;
  type: string;
  alreadyStored: boolean;
}

export function UploadField({ disabled, onStored }: { disabled: boolean; onStored: (sha256: string) => void }) {
  const upload = useMutation<Stored, ApiError, File>({
    mutationFn: (file) => sendFile<Stored>("/api/editor/uploads", file),
    onSuccess: (s) => onStored(s.sha256),
  });
  return (
    <div className="field">
      <label htmlFor="report-file">Report file (PDF, PNG, JPEG, XLSX or CSV)</label>
      <input
        id="report-file"
        type="file"
        accept=".pdf,.png,.jpg,.jpeg,.xlsx,.csv,.txt"
        disabled={disabled || upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
        }}
      />
      {upload.isPending && <p className="hint">Uploading…</p>}
      {upload.isSuccess && (
        <p className="hint" data-testid="upload-done">
          Stored{upload.data.alreadyStored ? " (already on file)" : ""}: {Math.ceil(upload.data.size / 1024)} KB, SHA-256 recorded below.
        </p>
      )}
      {upload.isError && <p className="field-error">{upload.error.message}</p>}
    </div>
  );
}
