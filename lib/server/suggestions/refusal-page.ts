import "server-only";
// The answer to a refused suggestion from the no-JavaScript form: a small HTML
// page with the reason and a way back. Everything interpolated is escaped.
import { describeError } from "@/lib/server/edge/errors";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const FIELD_NAMES: Record<string, string> = {
  field: "Which figure",
  figure: "The figure, in your words",
  proposedValue: "Proposed value",
  sourceUrl: "Source URL",
  contact: "Contact",
  reportId: "Report",
};

export function refusalPage(err: unknown, back: string): Response {
  const { status, body } = describeError(err, "suggest a correction");
  const fieldErrors = (body.fieldErrors ?? {}) as Record<string, string[]>;
  const items = Object.entries(fieldErrors)
    .map(([k, msgs]) => `<li>${escapeHtml(FIELD_NAMES[k] ?? k)}: ${escapeHtml(msgs.join("; "))}</li>`)
    .join("");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Suggestion not saved · USD1 Backed</title></head>
<body><main style="max-width:40rem;margin:2rem auto;font-family:system-ui,sans-serif;line-height:1.5">
<h1>Your suggestion was not saved</h1>
<p role="alert" data-testid="suggestion-refused">${escapeHtml(body.message)}</p>
${items ? `<ul>${items}</ul>` : ""}
<p>Use your browser's back button to keep what you typed, or <a href="${escapeHtml(back)}">open the form again</a>.</p>
</main></body></html>`;
  const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
  if (typeof body.retryAt === "string") headers["retry-after"] = String(Math.max(1, Math.ceil((Date.parse(body.retryAt) - Date.now()) / 1000)));
  return new Response(html, { status, headers });
}
