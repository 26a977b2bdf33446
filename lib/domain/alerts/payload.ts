// What an alert event carries (issue 20), in two shapes:
//
// - AlertEventPayload: what the outbox (alert_event.payload, jsonb) stores,
//   written once when the event is recorded. Figures are decimal strings with
//   their bound (exact, ≈ approx, ≥ lower, ≤ upper) and an English display text
//   carrying the same mark; the page is a path without a language
//   ("/issuers/tether"); the source is the URL the figures were read from.
//   events.ts decides the content (AlertEventContent: figures without text);
//   lib/i18n/alerts/payloads.ts writes the texts and checks the result.
// - AlertWebhook: the JSON body of every webhook request. Documented in the
//   OpenAPI document (lib/domain/api/openapi.ts, `webhooks.alert` and
//   components AlertWebhook, AlertFigure); built by `webhookBody` (lib/i18n/alerts/render.ts).
//
// Pure: no server, framework or database code.
import { z } from "zod";

import { ALERT_EVENT_KINDS, ALERT_LOCALES, type AlertEventKind } from "./kinds";

/** Components for the OpenAPI document (kept apart from the /api/v1 registry). */
export const alertsRegistry = z.registry<{ id: string }>();
const component = <T extends z.ZodType>(id: string, schema: T): T => {
  alertsRegistry.add(schema, { id });
  return schema;
};

export const ALERT_FIGURE_KEYS = [
  "total_reserves",
  "tokens_outstanding",
  "coverage",
  "reserve_exposure",
  "lowest_price",
  "price",
  "deviation",
  "live_supply",
  "attested_tokens",
  "divergence",
  "onchain_reserves",
  "shortfall",
  "days_overdue",
] as const;
export type AlertFigureKey = (typeof ALERT_FIGURE_KEYS)[number];

export const ALERT_UNITS = ["usd", "pct", "price", "tokens", "days"] as const;
export type AlertUnit = (typeof ALERT_UNITS)[number];

/** A figure's bound; "unknown" figures are left out of an alert rather than shown without a value. */
export const ALERT_BOUNDS = ["exact", "approx", "lower", "upper"] as const;
export type AlertBound = (typeof ALERT_BOUNDS)[number];

const decimal = z.string().regex(/^-?\d+(\.\d+)?$/);
const isoInstant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
  .meta({ format: "date-time" });

export const alertFigureSchema = component(
  "AlertFigure",
  z
    .object({
      key: z
        .enum(ALERT_FIGURE_KEYS)
        .meta({ description: "Which figure: total reserves, tokens outstanding, coverage (computed), a price, live supply, …" }),
      value: decimal.meta({
        description: "The value as a decimal string (never a float): USD, percent, USD price, tokens or days as `unit` says.",
      }),
      bound: z
        .enum(ALERT_BOUNDS)
        .meta({ description: "exact; approx (≈, rounded as published); lower (≥, at least); upper (≤, at most)." }),
      unit: z.enum(ALERT_UNITS),
      text: z.string().meta({ description: "The figure as shown in English, with its precision mark: “≈ $39.7 B”, “≥ 101.00%”." }),
    })
    .meta({ description: "A figure of an alert, with how exact it is." }),
);
export type AlertFigure = z.infer<typeof alertFigureSchema>;
/** A figure before it is written for people: what it is, its value, bound and unit. */
export type AlertFigureValue = Omit<AlertFigure, "text">;

const optionalText = z.string().max(4000).nullable().optional();

/** Kind-specific facts; every value a string (dates YYYY-MM-DD) or null. */
export const alertFactsSchema = z
  .object({
    asOf: optionalText.meta({ description: "The report's as-of date (YYYY-MM-DD, or the month's first day with asOfPrecision month)." }),
    asOfPrecision: z.enum(["day", "month"]).nullable().optional(),
    reportType: optionalText,
    revision: optionalText.meta({ description: "The report's revision after a correction." }),
    reason: optionalText.meta({ description: "Why a report was corrected or retracted." }),
    lastAsOf: optionalText,
    expectedAsOf: optionalText.meta({ description: "Overdue: the as-of date of the report expected next." }),
    windowStart: optionalText,
    windowEnd: optionalText.meta({ description: "Overdue: the last day of the expected publication window." }),
    explanation: optionalText,
    stressKind: optionalText,
    startDate: optionalText,
    endDate: optionalText,
    summary: optionalText,
    token: optionalText,
    bandPct: optionalText.meta({ description: "Price band: the band around $1, in percent either way." }),
    thresholdPct: optionalText.meta({ description: "Supply divergence: the threshold, in percent either way." }),
    readAt: optionalText.meta({ description: "Live events: when the newest reading used was taken (ISO 8601)." }),
    supplyComplete: z
      .enum(["true", "false"])
      .nullable()
      .optional()
      .meta({ description: "Whether every tracked deployment's supply was read." }),
  })
  .strict();
export type AlertFacts = z.infer<typeof alertFactsSchema>;

/** What alert_event.payload holds. */
export const alertEventPayloadSchema = z
  .object({
    issuer: z.object({ slug: z.string().min(1), name: z.string().min(1) }),
    /** Without a language: "/issuers/tether". */
    pagePath: z.string().regex(/^\/[^/]/),
    sourceUrl: z.string().url().nullable(),
    figures: z.array(alertFigureSchema),
    facts: alertFactsSchema,
  })
  .strict();
export type AlertEventPayload = z.infer<typeof alertEventPayloadSchema>;
/** A payload before its figures are written for people (lib/i18n/alerts/payloads.ts adds their text). */
export type AlertEventContent = Omit<AlertEventPayload, "figures"> & { figures: AlertFigureValue[] };

/** An event as the renderers and the webhook builder take it. */
export interface AlertEventView {
  /** alert_event.id as a decimal string. */
  id: string;
  kind: AlertEventKind;
  /** ISO 8601: when it happened (a publish, the day a report became overdue, a reading). */
  occurredAt: string;
  payload: AlertEventPayload;
}

export const alertWebhookSchema = component(
  "AlertWebhook",
  z
    .object({
      id: z
        .string()
        .regex(/^\d+$/)
        .meta({ description: "The event's id, also sent as X-USD1-Event-Id: the same on every retry, so a receiver can ignore a repeat." }),
      kind: z.enum(ALERT_EVENT_KINDS),
      occurredAt: isoInstant,
      locale: z.enum(ALERT_LOCALES).meta({ description: "The language the subscription was made in; `summary` is written in it." }),
      summary: z.string().meta({ description: "One line saying what happened (the e-mail subject)." }),
      issuer: z.object({ slug: z.string(), name: z.string() }),
      figures: z.array(alertFigureSchema),
      facts: alertFactsSchema,
      links: z.object({
        page: z.string().meta({ format: "uri", description: "The issuer's page, in the subscription's language." }),
        source: z.string().nullable().meta({ format: "uri", description: "Where the figures were read." }),
      }),
    })
    .meta({
      description:
        "The body of an alert webhook (POST, application/json). Signed: X-USD1-Signature is t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${body}` keyed with the secret shown once at subscription>. Answer 2xx to acknowledge; anything else (or no answer within the timeout) is retried with exponential backoff, then dead-lettered.",
    }),
);
export type AlertWebhook = z.infer<typeof alertWebhookSchema>;
