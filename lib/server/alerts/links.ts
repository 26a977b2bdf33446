import "server-only";

// Where alert links point (issue 20). The API routes are app/api/alerts/*; the
// pages (follow/sent, confirmed, expired, manage) are built under app/[locale]/.
import type { AlertLocale } from "@/lib/domain/alerts/kinds";

/** Pages the routes redirect to, without the language prefix. */
export const FOLLOW_PAGES = {
  /** After a follow form was sent (e-mail: "check your inbox"). */
  sent: "/follow/sent",
  confirmed: "/follow/confirmed",
  /** The confirmation link was too old, or unknown. */
  expired: "/follow/expired",
  /** The management page: ?token=… (lists the subscription and its delivery log). */
  manage: "/follow/manage",
  /** After a one-click unsubscribe made from the management page (form post). */
  unsubscribed: "/follow/unsubscribed",
} as const;

export const ALERT_API = {
  subscribe: "/api/alerts/subscribe",
  confirm: "/api/alerts/confirm",
  unsubscribe: "/api/alerts/unsubscribe",
  manage: "/api/alerts/manage",
} as const;

const q = (token: string) => `token=${encodeURIComponent(token)}`;

export const confirmUrl = (base: string, token: string) => `${base}${ALERT_API.confirm}?${q(token)}`;
/** RFC 8058: the one-click URL of List-Unsubscribe (POST with List-Unsubscribe=One-Click). */
export const unsubscribeUrl = (base: string, token: string) => `${base}${ALERT_API.unsubscribe}?${q(token)}`;
export const managePath = (locale: AlertLocale, token: string) => `/${locale}${FOLLOW_PAGES.manage}?${q(token)}`;
export const manageUrl = (base: string, locale: AlertLocale, token: string) => `${base}${managePath(locale, token)}`;
