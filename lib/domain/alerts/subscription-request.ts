// The ONE schema of a follow request (issue 20). Every path that creates a
// subscription parses with it: the JSON and form route (app/api/alerts/subscribe),
// server actions, and lib/server/alerts/subscriptions.ts `subscribe`.
//
// Accepted input (JSON or form fields, all strings in a form):
//   channel   "email" | "webhook"          (inferred when only `email` or only `url` is given)
//   address   the e-mail address or the webhook URL (or the fields `email` / `url`)
//   locale    "en" | "es" | "pt"             (default "en"): the language of every message
//   issuer    an issuer slug, or "" / null / "all" for every issuer
//   kinds     one or more of ALERT_EVENT_KINDS (an array, one string, or repeated form fields)
//   digest    "on" / "true" / "1" / true: one daily e-mail instead of one per event (e-mail only)
//   website   honeypot: must be empty (people never see the field; bots fill it)
// Pure: no server, framework or database code.
import { z } from "zod";

import { hasControlCharacter, isSlug } from "@/lib/domain/schemas/common";

import { ALERT_CHANNELS, ALERT_EVENT_KINDS, ALERT_LOCALES, type AlertChannel, type AlertEventKind, type AlertLocale } from "./kinds";

export const MAX_EMAIL_LENGTH = 254;
export const MAX_WEBHOOK_URL_LENGTH = 2000;

// Local part: the characters real addresses use (no quotes, spaces, angle brackets or
// commas, which would need quoting in a header). Domain: dot-separated labels with a
// letter-only top-level label of at least two characters.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** A plausible e-mail address (what a person types; not every address RFC 5321 allows). */
export function isPlausibleEmail(s: string): boolean {
  if (s.length > MAX_EMAIL_LENGTH || !EMAIL.test(s)) return false;
  const local = s.slice(0, s.indexOf("@"));
  return !local.startsWith(".") && !local.endsWith(".") && !local.includes("..");
}

/** Why a webhook URL is not acceptable, or null: http(s), a host, no user name or password, no fragment. */
export function webhookUrlProblem(s: string): string | null {
  if (s.length > MAX_WEBHOOK_URL_LENGTH) return `at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return "must be a web address starting with https:// or http://";
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return "must be a web address starting with https:// or http://";
  if (!u.hostname) return "must name a host";
  if (u.username || u.password) return "must not contain a user name or password: put a token in the path or query instead";
  if (u.hash) return "must not contain a fragment (#…)";
  return null;
}

const truthy = (v: unknown) => v === true || (typeof v === "string" && ["on", "true", "1", "yes"].includes(v.trim().toLowerCase()));
const text = (v: unknown) => (typeof v === "string" ? v.trim() : v);
const list = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

const raw = z.object({
  channel: z.unknown().optional(),
  address: z.unknown().optional(),
  email: z.unknown().optional(),
  url: z.unknown().optional(),
  locale: z.unknown().optional(),
  issuer: z.unknown().optional(),
  kinds: z.unknown().optional(),
  digest: z.unknown().optional(),
  website: z.unknown().optional(),
});

export interface SubscriptionRequest {
  channel: AlertChannel;
  /** E-mail lower-cased; URL as given (trimmed). */
  address: string;
  locale: AlertLocale;
  /** null: every issuer. */
  issuerSlug: string | null;
  /** Distinct, in ALERT_EVENT_KINDS order. */
  kinds: AlertEventKind[];
  digest: boolean;
}

export const subscriptionRequest: z.ZodType<SubscriptionRequest> = raw.transform((r, ctx): SubscriptionRequest => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (typeof r.website === "string" && r.website.trim() !== "") issue("website", "this field must stay empty; nothing was saved");

  const email = text(r.email);
  const url = text(r.url);
  let channel = text(r.channel);
  if ((channel === undefined || channel === "") && (email || url) && !(email && url)) channel = email ? "email" : "webhook";
  if (!(ALERT_CHANNELS as readonly unknown[]).includes(channel)) issue("channel", `must be one of: ${ALERT_CHANNELS.join(", ")}`);
  const ch = (ALERT_CHANNELS as readonly unknown[]).includes(channel) ? (channel as AlertChannel) : "email";

  let address = text(r.address);
  if (address === undefined || address === "") address = ch === "email" ? email : url;
  let cleaned = "";
  if (typeof address !== "string" || address === "")
    issue("address", ch === "email" ? "enter your e-mail address" : "enter the webhook URL");
  else if (hasControlCharacter(address)) issue("address", "contains a control character");
  else if (ch === "email") {
    cleaned = address.toLowerCase();
    if (!isPlausibleEmail(cleaned)) issue("address", "must be an e-mail address such as name@example.org");
  } else {
    cleaned = address;
    const problem = webhookUrlProblem(cleaned);
    if (problem) issue("address", problem);
  }

  const locale = text(r.locale) || "en";
  if (!(ALERT_LOCALES as readonly unknown[]).includes(locale)) issue("locale", `must be one of: ${ALERT_LOCALES.join(", ")}`);

  const issuer = text(r.issuer);
  let issuerSlug: string | null = null;
  if (issuer !== undefined && issuer !== null && issuer !== "" && issuer !== "all") {
    if (isSlug(issuer)) issuerSlug = issuer;
    else issue("issuer", "not an issuer");
  }

  const given = list(r.kinds).map(text);
  const unknown = given.filter((k) => !(ALERT_EVENT_KINDS as readonly unknown[]).includes(k));
  if (given.length === 0) issue("kinds", "choose at least one kind of event");
  else if (unknown.length)
    issue("kinds", `unknown: ${unknown.map(String).join(", ").slice(0, 200)}; choose from ${ALERT_EVENT_KINDS.join(", ")}`);
  const kinds = ALERT_EVENT_KINDS.filter((k) => given.includes(k));

  const digest = truthy(r.digest);
  if (digest && ch !== "email") issue("digest", "a daily digest is for e-mail only");

  return {
    channel: ch,
    address: cleaned,
    locale: (ALERT_LOCALES as readonly unknown[]).includes(locale) ? (locale as AlertLocale) : "en",
    issuerSlug,
    kinds,
    digest,
  };
});

/** The management page's change: which kinds, and (e-mail) digest or not. */
export interface SubscriptionUpdate {
  kinds: AlertEventKind[];
  digest: boolean | undefined;
}

export const subscriptionUpdate: z.ZodType<SubscriptionUpdate> = z
  .object({ kinds: z.unknown().optional(), digest: z.unknown().optional() })
  .transform((r, ctx) => {
    const given = list(r.kinds).map(text);
    const unknown = given.filter((k) => !(ALERT_EVENT_KINDS as readonly unknown[]).includes(k));
    if (given.length === 0) ctx.addIssue({ code: "custom", path: ["kinds"], message: "choose at least one kind of event" });
    else if (unknown.length)
      ctx.addIssue({ code: "custom", path: ["kinds"], message: `unknown: ${unknown.map(String).join(", ").slice(0, 200)}` });
    return { kinds: ALERT_EVENT_KINDS.filter((k) => given.includes(k)), digest: r.digest === undefined ? undefined : truthy(r.digest) };
  });
