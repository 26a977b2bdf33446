"use client";

// The one piece of script the data links need: the site's own address for the
// snippet (unknown to the cached server render) and a copy button. Its words
// come from the server (no message catalogue ships to the browser).
import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

export function CopyEmbedCode({ path, title, labels }: { path: string; title: string; labels: { copy: string; copied: string } }) {
  const origin = useSyncExternalStore(
    subscribe,
    () => location.origin,
    () => "",
  );
  const [copied, setCopied] = useState(false);
  const code = `<iframe src="${origin}${path}" title="${title}" width="640" height="480" loading="lazy" style="border:0;max-width:100%"></iframe>`;
  return (
    <p className="embed-code">
      <code data-testid="embed-code">{code}</code>{" "}
      <button type="button" onClick={() => navigator.clipboard.writeText(code).then(() => setCopied(true))}>
        {copied ? labels.copied : labels.copy}
      </button>
    </p>
  );
}
