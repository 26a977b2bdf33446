// What a reader can follow (issue 20). The same list is the Prisma enum
// AlertEventKind (prisma/schema.prisma); a new kind needs both, a migration,
// and its words in lib/i18n/alerts/words.ts.
// Pure: no server, framework or database code.

export const ALERT_EVENT_KINDS = [
  "report_published",
  "report_corrected",
  "report_retracted",
  "report_overdue",
  "stress_event",
  "price_band",
  "supply_divergence",
  "reserve_below_supply",
] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

/** Kinds that need live signals (issue 19): recorded only where the live readers run. */
export const LIVE_ALERT_KINDS = ["price_band", "supply_divergence", "reserve_below_supply"] as const satisfies readonly AlertEventKind[];

/** Kinds about reports and stress events, recorded by editors' changes and the daily overdue check. */
export const RECORD_ALERT_KINDS = ALERT_EVENT_KINDS.filter((k) => !(LIVE_ALERT_KINDS as readonly string[]).includes(k)) as Exclude<
  AlertEventKind,
  (typeof LIVE_ALERT_KINDS)[number]
>[];

export function isAlertEventKind(value: unknown): value is AlertEventKind {
  return typeof value === "string" && (ALERT_EVENT_KINDS as readonly string[]).includes(value);
}

export const ALERT_CHANNELS = ["email", "webhook"] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];

export const ALERT_LOCALES = ["en", "es", "pt"] as const;
export type AlertLocale = (typeof ALERT_LOCALES)[number];

export const SUBSCRIPTION_STATUSES = ["pending", "active", "ended", "dead"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const DELIVERY_STATUSES = ["pending", "sent", "failed", "dead", "cancelled"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
