"use client";

// Create-or-update for a record edited at a version (issuers, stress events):
// POST creates, PUT saves with the version and the values as loaded, and a
// refused stale save keeps the current version at hand for the conflict notice.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { sendJson } from "./api";
import type { RecordForm } from "./use-record-form";

interface Saved {
  id: string;
  version: number;
}

export function useVersionedSave<S, T>(opts: {
  form: RecordForm<S, T>;
  id: string | null;
  version: number | null;
  baseline: unknown;
  createUrl: string;
  updateUrl: (id: string) => string;
  editHref: (saved: Saved & Record<string, unknown>) => string;
  fromInput: (input: T) => S;
}) {
  const router = useRouter();
  const [version, setVersion] = useState(opts.version);
  const [baseline, setBaseline] = useState<unknown>(opts.baseline);
  const [notice, setNotice] = useState<string | null>(null);
  const { form } = opts;

  const mutation = useMutation({
    mutationFn: () =>
      opts.id === null
        ? sendJson<Saved & Record<string, unknown>>(opts.createUrl, "POST", { input: form.raw })
        : sendJson<Saved & Record<string, unknown>>(opts.updateUrl(opts.id), "PUT", { version, baseline, input: form.raw }),
    onSuccess: (saved) => {
      if (opts.id === null) return router.push(opts.editHref(saved));
      setVersion(saved.version);
      setBaseline(form.parsed.success ? form.parsed.data : form.raw);
      setNotice(`Saved at ${new Date().toLocaleTimeString()}. Public pages show it from the next visit.`);
    },
    onError: (err) => form.fail(err),
  });

  return {
    pending: mutation.isPending,
    notice,
    save() {
      setNotice(null);
      if (form.readyToSend()) mutation.mutate();
    },
    reloadCurrent() {
      const current = form.failure?.current;
      if (!current) return;
      form.setState(opts.fromInput(current.input as T));
      setVersion(current.version);
      setBaseline(current.input);
      form.setFailure(null);
    },
    keepMine() {
      const current = form.failure?.current;
      if (!current) return;
      setVersion(current.version);
      setBaseline(current.input);
      form.setFailure(null);
      setNotice("Your values are kept. Check them against the changes above; saving now replaces the current version.");
    },
  };
}
