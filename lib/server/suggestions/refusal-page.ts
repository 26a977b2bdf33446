import "server-only";

// The answer to a refused suggestion from the no-JavaScript form: a small HTML
// page with the reason and a way back, in the form's language (taken from the
// `back` path, "/es/issuers/…"). Everything interpolated is escaped. The reason
// itself comes from the command layer, in English.
import { createTranslator } from "next-intl";

import { describeError } from "@/lib/server/edge/errors";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/i18n/routing";
import enIssuer from "@/messages/en/issuer.json";
import enLayout from "@/messages/en/layout.json";
import esIssuer from "@/messages/es/issuer.json";
import ptIssuer from "@/messages/pt/issuer.json";

const ISSUER_MESSAGES: Record<Locale, typeof enIssuer> = { en: enIssuer, es: esIssuer, pt: ptIssuer };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const FIELDS = ["field", "figure", "proposedValue", "sourceUrl", "contact", "reportId"] as const;

export function refusalPage(err: unknown, back: string): Response {
  const first = back.split("/")[1];
  const locale: Locale = isLocale(first) ? first : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: { issuer: ISSUER_MESSAGES[locale] }, namespace: "issuer.refusal" });
  const fieldName = (k: string) => ((FIELDS as readonly string[]).includes(k) ? t(`fields.${k as (typeof FIELDS)[number]}`) : k);
  const { status, body } = describeError(err, "suggest a correction");
  const fieldErrors = (body.fieldErrors ?? {}) as Record<string, string[]>;
  const items = Object.entries(fieldErrors)
    .map(([k, msgs]) => `<li>${escapeHtml(fieldName(k))}: ${escapeHtml(msgs.join("; "))}</li>`)
    .join("");
  const again = t.markup("back", { link: (chunks) => `<a href="${escapeHtml(back)}">${chunks}</a>` });
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t("title"))} · ${escapeHtml(enLayout.brand)}</title></head>
<body><main style="max-width:40rem;margin:2rem auto;font-family:system-ui,sans-serif;line-height:1.5">
<h1>${escapeHtml(t("heading"))}</h1>
<p role="alert" data-testid="suggestion-refused">${escapeHtml(body.message)}</p>
${items ? `<ul>${items}</ul>` : ""}
<p>${again}</p>
</main></body></html>`;
  const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" };
  if (typeof body.retryAt === "string")
    headers["retry-after"] = String(Math.max(1, Math.ceil((Date.parse(body.retryAt) - Date.now()) / 1000)));
  return new Response(html, { status, headers });
}
