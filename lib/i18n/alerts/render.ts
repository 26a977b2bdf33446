// Alert messages in the subscriber's language (issue 20): subject, plain text
// and simple HTML for one event, for a daily digest, and for the double opt-in
// confirmation; and the JSON body of a webhook. Every event message says what
// happened, lists the figures with their precision marks, links the issuer's
// page and the source, and ends with the management and unsubscribe links.
//
//   renderAlertMessage(event, ctx)      one event          → { subject, text, html }
//   renderDigest(events, ctx)           a day's events     → { subject, text, html }
//   renderConfirmation(ctx)             double opt-in mail → { subject, text, html }
//   alertSubject(event, locale)         the one-line summary (subject, webhook `summary`)
//   webhookBody(event, ctx)             the AlertWebhook JSON body (lib/domain/alerts/payload.ts)
//
// Pure: no server, framework or database code; no clock (dates come in).
import type { AlertEventKind, AlertLocale } from "@/lib/domain/alerts/kinds";
import { alertWebhookSchema, type AlertEventView, type AlertWebhook } from "@/lib/domain/alerts/payload";
import { formatDay } from "@/lib/i18n/dates";
import { localizeDigits } from "@/lib/i18n/numbers";

import { formatAlertFigure } from "./figures";
import { ALERT_WORDS, type SentenceVars } from "./words";

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export interface MessageContext {
  locale: AlertLocale;
  /** The site's public origin, e.g. "https://usd1backed.org" (no trailing slash needed). */
  baseUrl: string;
  /** The subscription's management page (absolute URL). */
  manageUrl: string;
  /** The one-click unsubscribe URL (absolute; the same as in List-Unsubscribe). */
  unsubscribeUrl: string;
  /** The followed issuer's name, or null when following every issuer. */
  followedIssuer: string | null;
}

const trimBase = (base: string) => base.replace(/\/+$/, "");

/** The issuer page in a language: base + "/es" + "/issuers/tether". */
export function pageUrl(baseUrl: string, locale: AlertLocale, pagePath: string): string {
  return `${trimBase(baseUrl)}/${locale}${pagePath}`;
}

function vars(event: AlertEventView, locale: AlertLocale): SentenceVars {
  const w = ALERT_WORDS[locale];
  const f = event.payload.facts;
  // Messages are rendered outside any page (by the delivery job), and formatDay reads no
  // request: the site's date style, ISO in English and the language's medium style otherwise.
  const date = (d: string | null | undefined, precision: "day" | "month" = "day") => (d ? formatDay(d, locale, precision) : "—");
  const divergence = event.payload.figures.find((x) => x.key === "divergence");
  return {
    issuer: event.payload.issuer.name,
    asOf: date(f.asOf, f.asOfPrecision ?? "day"),
    reportType: f.reportType ? (w.reportTypes[f.reportType] ?? f.reportType) : "—",
    revision: f.revision ?? "—",
    reason: f.reason ? (/[.!?]$/.test(f.reason.trim()) ? f.reason.trim() : `${f.reason.trim()}.`) : "—",
    expectedAsOf: date(f.expectedAsOf),
    windowEnd: date(f.windowEnd),
    stressKind: f.stressKind ? (w.stressKinds[f.stressKind] ?? f.stressKind) : "—",
    startDate: date(f.startDate),
    summary: f.summary ?? "",
    token: f.token ?? event.payload.issuer.name,
    band: f.bandPct ? localizeDigits(f.bandPct, locale, false) : "—",
    threshold: f.thresholdPct ? localizeDigits(f.thresholdPct, locale, false) : "—",
    divergence: divergence ? formatAlertFigure(divergence, locale) : "—",
  };
}

/** The one-line summary of an event in a language (the e-mail subject). */
export function alertSubject(event: AlertEventView, locale: AlertLocale): string {
  return ALERT_WORDS[locale].subject[event.kind](vars(event, locale)).replace(/\s+/g, " ").trim();
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

interface Section {
  text: string[];
  html: string[];
}

/** The body of one event: lead, figures, links. */
function eventSection(event: AlertEventView, ctx: Pick<MessageContext, "locale" | "baseUrl">, heading: boolean): Section {
  const w = ALERT_WORDS[ctx.locale];
  const v = vars(event, ctx.locale);
  const lead = w.lead[event.kind](v).trim();
  const figures = event.payload.figures.map((f) => ({ label: w.figures[f.key], value: formatAlertFigure(f, ctx.locale) }));
  const page = pageUrl(ctx.baseUrl, ctx.locale, event.payload.pagePath);
  const source = event.payload.sourceUrl;
  const text: string[] = [];
  const html: string[] = [];
  if (heading) {
    const title = alertSubject(event, ctx.locale);
    text.push(title, "-".repeat(Math.min(72, title.length)));
    html.push(`<h2 style="font-size:1.1em;margin:1.2em 0 .4em">${escapeHtml(title)}</h2>`);
  }
  text.push(lead, "");
  html.push(`<p>${escapeHtml(lead)}</p>`);
  if (figures.length) {
    text.push(`${w.figuresHeading}:`, ...figures.map((f) => `- ${f.label}: ${f.value}`), "");
    html.push(
      `<table role="presentation" style="border-collapse:collapse">${figures
        .map(
          (f) =>
            `<tr><td style="padding:2px 12px 2px 0">${escapeHtml(f.label)}</td><td style="padding:2px 0;font-weight:bold">${escapeHtml(f.value)}</td></tr>`,
        )
        .join("")}</table>`,
    );
  }
  text.push(`${w.links.page}: ${page}`);
  if (source) text.push(`${w.links.source}: ${source}`);
  text.push("");
  html.push(`<p>${link(page, w.links.page)}${source ? ` · ${link(source, w.links.source)}` : ""}</p>`);
  return { text, html };
}

function footer(ctx: MessageContext, anyFigures: boolean): Section {
  const w = ALERT_WORDS[ctx.locale];
  const why = ctx.followedIssuer ? w.footer.issuer(ctx.followedIssuer) : w.footer.all;
  return {
    text: [
      ...(anyFigures ? [w.computedNote, ""] : []),
      "-- ",
      why,
      `${w.links.manage}: ${ctx.manageUrl}`,
      `${w.links.unsubscribe}: ${ctx.unsubscribeUrl}`,
      "",
    ],
    html: [
      ...(anyFigures ? [`<p style="color:#555;font-size:.9em">${escapeHtml(w.computedNote)}</p>`] : []),
      `<hr style="border:0;border-top:1px solid #ccc">`,
      `<p style="color:#555;font-size:.9em">${escapeHtml(why)}<br>${link(ctx.manageUrl, w.links.manage)} · ${link(ctx.unsubscribeUrl, w.links.unsubscribe)}</p>`,
    ],
  };
}

function wrapHtml(locale: AlertLocale, title: string, body: string[]): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;line-height:1.45;color:#111;max-width:640px;margin:0 auto;padding:16px">
${body.join("\n")}
</body></html>
`;
}

/** One event's body as plain text on one line (the Atom feeds' summary). */
export function alertSummaryText(event: AlertEventView, ctx: Pick<MessageContext, "locale" | "baseUrl">): string {
  return eventSection(event, ctx, false)
    .text.map((l) => l.trim())
    .filter(Boolean)
    .join(" ");
}

export function renderAlertMessage(event: AlertEventView, ctx: MessageContext): RenderedMessage {
  const subject = alertSubject(event, ctx.locale);
  const body = eventSection(event, ctx, false);
  const end = footer(ctx, event.payload.figures.length > 0);
  return {
    subject,
    text: [...body.text, ...end.text].join("\n"),
    html: wrapHtml(ctx.locale, subject, [...body.html, ...end.html]),
  };
}

/** One message with the day's events (oldest first), for digest subscribers. `date` is YYYY-MM-DD. */
export function renderDigest(events: AlertEventView[], ctx: MessageContext & { date: string }): RenderedMessage {
  const w = ALERT_WORDS[ctx.locale];
  const day = formatDay(ctx.date, ctx.locale);
  const subject = w.digest.subject(events.length, day);
  const intro = w.digest.intro(events.length, day);
  const sections = events.map((e) => eventSection(e, ctx, true));
  const end = footer(
    ctx,
    events.some((e) => e.payload.figures.length > 0),
  );
  return {
    subject,
    text: [intro, "", ...sections.flatMap((s) => s.text), ...end.text].join("\n"),
    html: wrapHtml(ctx.locale, subject, [`<p>${escapeHtml(intro)}</p>`, ...sections.flatMap((s) => s.html), ...end.html]),
  };
}

export interface ConfirmationContext {
  locale: AlertLocale;
  confirmUrl: string;
  /** The followed issuer's name, or null for every issuer. */
  issuerName: string | null;
  kinds: AlertEventKind[];
  digest: boolean;
  expiresHours: number;
}

/** The double opt-in message: the only one sent before the link is followed. */
export function renderConfirmation(ctx: ConfirmationContext): RenderedMessage {
  const w = ALERT_WORDS[ctx.locale];
  const c = w.confirm;
  const intro = c.intro(ctx.issuerName ?? w.allIssuers);
  const kinds = ctx.kinds.map((k) => w.kinds[k]);
  const text = [
    intro,
    "",
    `${c.kindsHeading}:`,
    ...kinds.map((k) => `- ${k}`),
    ...(ctx.digest ? [c.digestNote] : []),
    "",
    `${c.action}: ${ctx.confirmUrl}`,
    "",
    c.expires(ctx.expiresHours),
    c.ignore,
    "",
  ].join("\n");
  const html = wrapHtml(ctx.locale, c.subject, [
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(c.kindsHeading)}:</p><ul>${kinds.map((k) => `<li>${escapeHtml(k)}</li>`).join("")}</ul>`,
    ...(ctx.digest ? [`<p>${escapeHtml(c.digestNote)}</p>`] : []),
    `<p><a href="${escapeHtml(ctx.confirmUrl)}" style="display:inline-block;padding:8px 16px;background:#0b5;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(c.action)}</a></p>`,
    `<p style="color:#555;font-size:.9em">${escapeHtml(c.expires(ctx.expiresHours))} ${escapeHtml(c.ignore)}</p>`,
  ]);
  return { subject: c.subject, text, html };
}

/** The webhook JSON body of an event, in the subscription's language (checked against the documented schema). */
export function webhookBody(event: AlertEventView, ctx: { locale: AlertLocale; baseUrl: string }): AlertWebhook {
  return alertWebhookSchema.parse({
    id: event.id,
    kind: event.kind,
    occurredAt: event.occurredAt,
    locale: ctx.locale,
    summary: alertSubject(event, ctx.locale),
    issuer: event.payload.issuer,
    figures: event.payload.figures,
    facts: event.payload.facts,
    links: { page: pageUrl(ctx.baseUrl, ctx.locale, event.payload.pagePath), source: event.payload.sourceUrl },
  });
}
