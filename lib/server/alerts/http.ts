import "server-only";

import { CommandError } from "@/lib/server/commands/errors";
import { describeError } from "@/lib/server/edge/errors";
// HTTP glue of the alert routes (app/api/alerts/*): reading a JSON or form
// body, the redirect answers of the no-JavaScript forms, error bodies, and the
// one page a form post of a webhook gets (its secret, shown once).
import { DEFAULT_LOCALE, isLocale, negotiateLocale, type Locale } from "@/i18n/routing";

import { alertErrorCode } from "./errors";
import type { SubscribeResult } from "./subscriptions";

export const NO_STORE = { "cache-control": "no-store", "referrer-policy": "no-referrer" } as const;

/** Form fields that may repeat (checkboxes): always read as lists. */
const LIST_FIELDS = new Set(["kinds"]);

export interface AlertBody {
  fields: Record<string, unknown>;
  /** true for application/x-www-form-urlencoded and multipart/form-data (a browser form). */
  isForm: boolean;
}

/** JSON (application/json) or a form; anything else is refused with 415. An empty body reads as {}. */
export async function readAlertBody(req: Request): Promise<AlertBody> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) {
    const text = await req.text();
    if (text.trim() === "") return { fields: {}, isForm: false };
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
      return { fields: value as Record<string, unknown>, isForm: false };
    } catch {
      throw new CommandError("validation", "The request body is not a JSON object; nothing was saved.");
    }
  }
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const form = await req.formData().catch(() => {
      throw new CommandError("validation", "The form could not be read; nothing was saved.");
    });
    const fields: Record<string, unknown> = {};
    for (const key of new Set(form.keys())) {
      const values = form.getAll(key).filter((v): v is string => typeof v === "string");
      fields[key] = LIST_FIELDS.has(key) ? values : values.at(-1);
    }
    return { fields, isForm: true };
  }
  if (type === "" && req.method === "POST") return { fields: {}, isForm: false };
  throw new CommandError("unsupported_type", "Send JSON (application/json) or a form.");
}

export function localeOf(value: unknown, req?: Request): Locale {
  if (isLocale(value)) return value;
  return req ? negotiateLocale(req.headers.get("accept-language")) : DEFAULT_LOCALE;
}

export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, ...NO_STORE } });
}

/** A same-site page path to go back to ("/es/issuers/tether"), or null. Never another site. */
export function safeReturnPath(value: unknown, locale: Locale): string | null {
  if (typeof value !== "string") return null;
  const path = value.split(/[?#]/)[0]!;
  return new RegExp(`^/${locale}(/[A-Za-z0-9_-]+)*/?$`).test(path) && path.length <= 300 ? path : null;
}

/** The form's page with the refusal: ?followError=<code>&followFields=a,b#follow. */
export function backWithError(back: string, err: unknown): Response {
  const code = alertErrorCode(err);
  const fields = err instanceof CommandError ? Object.keys(err.details.fieldErrors ?? {}) : [];
  const q = new URLSearchParams({ followError: code, ...(fields.length ? { followFields: fields.join(",") } : {}) });
  if (!(err instanceof CommandError)) describeError(err, "alerts form"); // logged
  return seeOther(`${back}?${q.toString()}#follow`);
}

export function errorJson(err: unknown, where: string): Response {
  const { status, body } = describeError(err, where);
  const headers: Record<string, string> = { ...NO_STORE };
  if (typeof body.retryAt === "string")
    headers["retry-after"] = String(Math.max(1, Math.ceil((Date.parse(body.retryAt) - Date.now()) / 1000)));
  return Response.json({ error: body }, { status, headers });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const WEBHOOK_PAGE: Record<Locale, { title: string; lead: string; secret: string; manage: string; once: string; verify: string }> = {
  en: {
    title: "Webhook registered",
    lead: "Your webhook is active: each event you chose will be POSTed to it as JSON.",
    secret: "Signing secret",
    manage: "Management link (delivery log, change, unsubscribe)",
    once: "Copy both now: they are not shown again.",
    verify: "Each request carries X-USD1-Signature: t=<unix time>,v1=<HMAC-SHA256 of “t.body” with this secret, hex>.",
  },
  es: {
    title: "Webhook registrado",
    lead: "Su webhook está activo: cada evento elegido se le enviará por POST como JSON.",
    secret: "Secreto de firma",
    manage: "Enlace de gestión (registro de entregas, cambios, baja)",
    once: "Cópielos ahora: no se vuelven a mostrar.",
    verify: "Cada petición lleva X-USD1-Signature: t=<hora unix>,v1=<HMAC-SHA256 de “t.cuerpo” con este secreto, en hex>.",
  },
  pt: {
    title: "Webhook registrado",
    lead: "Seu webhook está ativo: cada evento escolhido será enviado a ele por POST como JSON.",
    secret: "Segredo de assinatura",
    manage: "Link de gerenciamento (registro de entregas, alterações, cancelamento)",
    once: "Copie os dois agora: eles não são mostrados de novo.",
    verify: "Cada requisição leva X-USD1-Signature: t=<hora unix>,v1=<HMAC-SHA256 de “t.corpo” com este segredo, em hex>.",
  },
};

/** A form post of a webhook: the secret and the management link, shown once. */
export function webhookCreatedPage(result: Extract<SubscribeResult, { channel: "webhook" }>): Response {
  const w = WEBHOOK_PAGE[result.locale];
  const html = `<!doctype html>
<html lang="${result.locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(w.title)} · USD1 Backed</title></head>
<body><main style="max-width:40rem;margin:2rem auto;font-family:system-ui,sans-serif;line-height:1.5">
<h1>${escapeHtml(w.title)}</h1>
<p>${escapeHtml(w.lead)}</p>
<p><strong>${escapeHtml(w.once)}</strong></p>
<p>${escapeHtml(w.secret)}:<br><code data-testid="webhook-secret" style="word-break:break-all">${escapeHtml(result.secret)}</code></p>
<p>${escapeHtml(w.manage)}:<br><a data-testid="webhook-manage" href="${escapeHtml(result.managePath)}" style="word-break:break-all">${escapeHtml(result.manageUrl)}</a></p>
<p style="color:#555">${escapeHtml(w.verify)}</p>
</main></body></html>`;
  return new Response(html, { status: 201, headers: { "content-type": "text/html; charset=utf-8", ...NO_STORE } });
}
