import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { AlertEventKind, AlertLocale } from "@/lib/domain/alerts/kinds";
import { alertEventPayloadSchema, type AlertEventView } from "@/lib/domain/alerts/payload";
// Delivering alert events (issue 20), run by the jobs (lib/server/jobs/index.ts):
//
//   deliverAlerts(prisma, opts)   "alerts-deliver", every minute: fan out new outbox events,
//                                 expire unconfirmed subscriptions, send what is due
//   sendDigests(prisma, opts)     "alerts-digest", daily: one message per digest subscriber
//   fanOutAlertEvents(prisma)     outbox events → one delivery per matching active subscription
//
// Exactly once per event and subscription: a delivery is created once (UNIQUE
// (event_id, subscription_id), INSERT … ON CONFLICT DO NOTHING) and only for
// subscriptions confirmed before the event was recorded. A delivery is claimed
// with UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED), which also pushes its
// next_attempt_at out by a lease, so two workers never send one at once; a
// worker that dies mid-send leaves it to be retried when the lease ends.
// Failures are retried with exponential backoff (1 min, 2, 4, … capped at 6 h)
// and the delivery is dead after `maxAttempts` (6) tries, or at once when an
// SMTP server refuses the recipient (5xx, a bounce). Every try is logged in
// alert_delivery_attempt, which the management page lists.
//
// E-mail: nodemailer through SMTP_URL, with List-Unsubscribe (one-click URL)
// and List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058), and the
// management link in every message. Webhooks: POST of the AlertWebhook JSON,
// signed (X-USD1-Signature), with X-USD1-Event-Id for idempotency, a timeout,
// no redirects, and private addresses refused at connect time (webhook-target.ts).
import { DELIVERY_ATTEMPT_HEADER, EVENT_ID_HEADER, EVENT_KIND_HEADER, SIGNATURE_HEADER, signWebhook } from "@/lib/domain/alerts/signature";
import { renderAlertMessage, renderDigest, webhookBody } from "@/lib/i18n/alerts/render";

import { alertChannels, alertsConfig, type AlertsConfig } from "./config";
import { manageUrl, unsubscribeUrl } from "./links";
import { createMailer, type Mailer, type MailResult } from "./mailer";
import { endSubscription, expireUnconfirmed } from "./subscriptions";
import { manageTokenFor, sha256Hex } from "./tokens";
import { postWebhook, type Resolver } from "./webhook-target";

export const DELIVERY_DEFAULTS = {
  batchSize: 50,
  maxAttempts: 6,
  backoff: { baseMs: 60_000, maxMs: 6 * 3600_000 },
  /** How long a claimed delivery is held before another worker may take it. */
  leaseMs: 5 * 60_000,
  webhookTimeoutMs: 10_000,
  /** Claim rounds per run (each up to batchSize). */
  maxRounds: 20,
  /** This many dead deliveries in a row end the subscription (status dead). */
  deadInARow: 3,
} as const;

export interface DeliveryOptions {
  /** The clock (tests fix or advance it). */
  now?: () => Date;
  config?: AlertsConfig;
  batchSize?: number;
  maxAttempts?: number;
  backoff?: { baseMs: number; maxMs: number };
  leaseMs?: number;
  webhookTimeoutMs?: number;
  maxRounds?: number;
  resolve?: Resolver;
  log?: (message: string) => void;
}

/** The wait after failed try number `attempt` (1-based): base × 2^(attempt − 1), capped. */
export function backoffMs(attempt: number, backoff: { baseMs: number; maxMs: number } = DELIVERY_DEFAULTS.backoff): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
}

const iso = (d: Date) => d.toISOString();

/** Creates the deliveries of events not fanned out yet; returns how many events and deliveries. */
export async function fanOutAlertEvents(
  prisma: PrismaClient,
  opts: { now?: () => Date } = {},
): Promise<{ events: number; deliveries: number }> {
  const total = { events: 0, deliveries: 0 };
  for (let round = 0; round < 100; round++) {
    const now = iso((opts.now ?? (() => new Date()))());
    const [row] = await prisma.$queryRaw<{ events: number; deliveries: number }[]>`
      WITH ev AS (
        SELECT id, kind, issuer_id, created_at FROM alert_event
        WHERE fanned_out_at IS NULL ORDER BY id LIMIT 500 FOR UPDATE SKIP LOCKED
      ), ins AS (
        INSERT INTO alert_delivery (event_id, subscription_id, next_attempt_at)
        SELECT ev.id, s.id, ${now}::timestamptz FROM ev JOIN alert_subscription s
          ON s.status = 'active' AND s.confirmed_at <= ev.created_at
          AND (s.issuer_id IS NULL OR s.issuer_id = ev.issuer_id) AND ev.kind = ANY (s.kinds)
        ON CONFLICT (event_id, subscription_id) DO NOTHING
        RETURNING 1
      ), upd AS (
        UPDATE alert_event e SET fanned_out_at = ${now}::timestamptz FROM ev WHERE e.id = ev.id RETURNING 1
      )
      SELECT (SELECT count(*) FROM upd)::int AS events, (SELECT count(*) FROM ins)::int AS deliveries`;
    total.events += row?.events ?? 0;
    total.deliveries += row?.deliveries ?? 0;
    if (!row || row.events === 0) break;
  }
  return total;
}

interface Claimed {
  id: bigint;
  event_id: bigint;
  subscription_id: string;
  attempts: number;
}

async function claim(
  prisma: PrismaClient,
  opts: { now: Date; leaseMs: number; limit: number; digest: boolean; channels: ("email" | "webhook")[]; subscriptionId?: string },
): Promise<Claimed[]> {
  if (opts.channels.length === 0) return [];
  const lease = new Date(opts.now.getTime() + opts.leaseMs);
  const onlySub = opts.subscriptionId ? Prisma.sql`AND s.id = ${opts.subscriptionId}` : Prisma.empty;
  return prisma.$queryRaw<Claimed[]>`
    UPDATE alert_delivery d SET attempts = d.attempts + 1, next_attempt_at = ${iso(lease)}::timestamptz
    FROM (
      SELECT d2.id FROM alert_delivery d2 JOIN alert_subscription s ON s.id = d2.subscription_id
      WHERE d2.status IN ('pending', 'failed') AND d2.next_attempt_at <= ${iso(opts.now)}::timestamptz
        AND s.status = 'active' AND s.digest = ${opts.digest} AND s.channel::text = ANY (${opts.channels}::text[]) ${onlySub}
      ORDER BY d2.next_attempt_at, d2.id
      LIMIT ${opts.limit}
      FOR UPDATE OF d2 SKIP LOCKED
    ) c
    WHERE d.id = c.id
    RETURNING d.id, d.event_id, d.subscription_id, d.attempts`;
}

interface Outcome {
  ok: boolean;
  /** Never retried (an SMTP 5xx). */
  permanent: boolean;
  /** sent, failed, bounced, refused */
  label: string;
  httpStatus: number | null;
  smtpResponse: string | null;
  error: string | null;
  durationMs: number;
}

interface Settings {
  now: () => Date;
  config: AlertsConfig;
  maxAttempts: number;
  backoff: { baseMs: number; maxMs: number };
  leaseMs: number;
  webhookTimeoutMs: number;
  batchSize: number;
  maxRounds: number;
  resolve?: Resolver;
  log: (m: string) => void;
}

function settings(opts: DeliveryOptions): Settings {
  return {
    now: opts.now ?? (() => new Date()),
    config: opts.config ?? alertsConfig(),
    maxAttempts: opts.maxAttempts ?? DELIVERY_DEFAULTS.maxAttempts,
    backoff: opts.backoff ?? DELIVERY_DEFAULTS.backoff,
    leaseMs: opts.leaseMs ?? DELIVERY_DEFAULTS.leaseMs,
    webhookTimeoutMs: opts.webhookTimeoutMs ?? DELIVERY_DEFAULTS.webhookTimeoutMs,
    batchSize: opts.batchSize ?? DELIVERY_DEFAULTS.batchSize,
    maxRounds: opts.maxRounds ?? DELIVERY_DEFAULTS.maxRounds,
    resolve: opts.resolve,
    log: opts.log ?? ((m) => process.stdout.write(`[alerts] ${m}\n`)),
  };
}

/** Writes a try's outcome: the log row, then the delivery's new state. Returns that state. */
async function record(prisma: PrismaClient, c: Claimed, outcome: Outcome, s: Settings): Promise<"sent" | "failed" | "dead"> {
  const now = s.now();
  const state: "sent" | "failed" | "dead" = outcome.ok ? "sent" : outcome.permanent || c.attempts >= s.maxAttempts ? "dead" : "failed";
  const next = new Date(now.getTime() + backoffMs(c.attempts, s.backoff));
  const error = outcome.error?.slice(0, 2000) ?? null;
  await prisma.$transaction([
    prisma.alertDeliveryAttempt.create({
      data: {
        deliveryId: c.id,
        at: now,
        attempt: c.attempts,
        outcome: outcome.label,
        httpStatus: outcome.httpStatus,
        smtpResponse: outcome.smtpResponse?.slice(0, 1000) ?? null,
        error,
        durationMs: Math.max(0, Math.round(outcome.durationMs)),
      },
    }),
    // Only the try that holds the claim writes (attempts unchanged since): a late answer after a lost lease changes nothing.
    prisma.alertDelivery.updateMany({
      where: { id: c.id, attempts: c.attempts, status: { in: ["pending", "failed"] } },
      data:
        state === "sent"
          ? { status: "sent", sentAt: now, lastError: null }
          : state === "dead"
            ? { status: "dead", lastError: error }
            : { status: "failed", nextAttemptAt: next, lastError: error },
    }),
  ]);
  if (state === "dead") await endIfDeadInARow(prisma, c.subscription_id, now, s);
  return state;
}

async function endIfDeadInARow(prisma: PrismaClient, subscriptionId: string, now: Date, s: Settings) {
  const last = await prisma.alertDelivery.findMany({
    where: { subscriptionId, status: { in: ["sent", "dead"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_DEFAULTS.deadInARow,
    select: { status: true },
  });
  if (last.length === DELIVERY_DEFAULTS.deadInARow && last.every((d) => d.status === "dead")) {
    await endSubscription(prisma, subscriptionId, "dead: deliveries kept failing", now, "dead");
    s.log(`subscription ${subscriptionId} ended: ${DELIVERY_DEFAULTS.deadInARow} deliveries in a row failed for good`);
  }
}

interface SubscriptionRow {
  id: string;
  channel: "email" | "webhook";
  address: string | null;
  locale: AlertLocale;
  webhookSecret: string | null;
  manageTokenHash: string;
  issuer: { name: string } | null;
}

async function loadSubscription(prisma: PrismaClient, id: string): Promise<SubscriptionRow | null> {
  const s = await prisma.alertSubscription.findUnique({
    where: { id },
    select: {
      id: true,
      channel: true,
      address: true,
      locale: true,
      webhookSecret: true,
      manageTokenHash: true,
      issuer: { select: { name: true } },
    },
  });
  return s ? { ...s, locale: s.locale as AlertLocale } : null;
}

async function loadEvents(prisma: PrismaClient, ids: bigint[]): Promise<Map<string, AlertEventView>> {
  const rows = await prisma.alertEvent.findMany({ where: { id: { in: ids } } });
  return new Map(
    rows.map((e) => [
      e.id.toString(),
      {
        id: e.id.toString(),
        kind: e.kind as AlertEventKind,
        occurredAt: e.occurredAt.toISOString(),
        payload: alertEventPayloadSchema.parse(e.payload),
      },
    ]),
  );
}

/** The management token for this subscription's links, re-storing its hash if the key (NEXTAUTH_SECRET) changed. */
async function linkToken(prisma: PrismaClient, sub: SubscriptionRow, config: AlertsConfig): Promise<string> {
  // Callers send e-mail only when alertChannels says it is on, which needs the key.
  if (!config.linkSecret) throw new Error("NEXTAUTH_SECRET is not set: no management link can be made");
  const token = manageTokenFor(sub.id, config.linkSecret);
  const hash = sha256Hex(token);
  if (hash !== sub.manageTokenHash) {
    await prisma.alertSubscription.update({ where: { id: sub.id }, data: { manageTokenHash: hash } });
    sub.manageTokenHash = hash;
  }
  return token;
}

function mailOutcome(result: MailResult, durationMs: number): Outcome {
  if (result.ok)
    return { ok: true, permanent: false, label: "sent", httpStatus: null, smtpResponse: result.response, error: null, durationMs };
  return {
    ok: false,
    permanent: result.permanent,
    label: result.permanent ? "bounced" : "failed",
    httpStatus: null,
    smtpResponse: result.response,
    error: result.error,
    durationMs,
  };
}

function emailHeaders(token: string, config: AlertsConfig, eventId: string | null): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(config.publicUrl, token)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    "Auto-Submitted": "auto-generated",
    ...(eventId ? { [EVENT_ID_HEADER]: eventId } : {}),
  };
}

async function sendEmail(prisma: PrismaClient, mailer: Mailer, sub: SubscriptionRow, event: AlertEventView, s: Settings): Promise<Outcome> {
  const token = await linkToken(prisma, sub, s.config);
  const message = renderAlertMessage(event, {
    locale: sub.locale,
    baseUrl: s.config.publicUrl,
    manageUrl: manageUrl(s.config.publicUrl, sub.locale, token),
    unsubscribeUrl: unsubscribeUrl(s.config.publicUrl, token),
    followedIssuer: sub.issuer?.name ?? null,
  });
  const started = performance.now();
  const result = await mailer.send({ to: sub.address!, ...message, headers: emailHeaders(token, s.config, event.id) });
  return mailOutcome(result, performance.now() - started);
}

async function sendWebhook(sub: SubscriptionRow, event: AlertEventView, attempt: number, s: Settings): Promise<Outcome> {
  const body = JSON.stringify(webhookBody(event, { locale: sub.locale, baseUrl: s.config.publicUrl }));
  const timestamp = Math.floor(s.now().getTime() / 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": "USD1-Backed-Alerts/1",
    [SIGNATURE_HEADER]: signWebhook(sub.webhookSecret!, body, timestamp),
    [EVENT_ID_HEADER]: event.id,
    [EVENT_KIND_HEADER]: event.kind,
    [DELIVERY_ATTEMPT_HEADER]: String(attempt),
  };
  const started = performance.now();
  try {
    const res = await postWebhook(sub.address!, body, headers, {
      timeoutMs: s.webhookTimeoutMs,
      allowPrivate: s.config.allowPrivateWebhooks,
      resolve: s.resolve,
    });
    const durationMs = performance.now() - started;
    if (res.status >= 200 && res.status < 300)
      return { ok: true, permanent: false, label: "sent", httpStatus: res.status, smtpResponse: null, error: null, durationMs };
    const redirect = res.status >= 300 && res.status < 400 ? " (redirects are not followed: give the final URL)" : "";
    return {
      ok: false,
      permanent: false,
      label: "failed",
      httpStatus: res.status,
      smtpResponse: null,
      error: `HTTP ${res.status}${redirect}${res.bodySnippet ? `: ${res.bodySnippet.replace(/\s+/g, " ").slice(0, 200)}` : ""}`,
      durationMs,
    };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return {
      ok: false,
      permanent: false,
      label: e.code === "EPRIVATEADDRESS" ? "refused" : "failed",
      httpStatus: null,
      smtpResponse: null,
      error: `${e.code ? `${e.code}: ` : ""}${e.message}`,
      durationMs: performance.now() - started,
    };
  }
}

export interface DeliverySummary {
  fannedOut: { events: number; deliveries: number };
  expiredSubscriptions: number;
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
  /** The subscription ended between claim and send. */
  cancelled: number;
  /** Why e-mail deliveries were left waiting, when they were. */
  emailOff: string | null;
}

/** One run of "alerts-deliver": fan out, expire unconfirmed subscriptions, send what is due (not digests). */
export async function deliverAlerts(prisma: PrismaClient, opts: DeliveryOptions = {}): Promise<DeliverySummary> {
  const s = settings(opts);
  const summary: DeliverySummary = {
    fannedOut: await fanOutAlertEvents(prisma, { now: s.now }),
    expiredSubscriptions: 0,
    claimed: 0,
    sent: 0,
    failed: 0,
    dead: 0,
    cancelled: 0,
    emailOff: null,
  };
  summary.expiredSubscriptions = await expireUnconfirmed(prisma, s.now());
  const email = alertChannels(s.config).email;
  const mailer = email.on ? createMailer(s.config) : null;
  if (!mailer) summary.emailOff = `${email.reason ?? "off"} E-mail deliveries wait.`;
  try {
    for (let round = 0; round < s.maxRounds; round++) {
      const claimed = await claim(prisma, {
        now: s.now(),
        leaseMs: s.leaseMs,
        limit: s.batchSize,
        digest: false,
        channels: mailer ? ["email", "webhook"] : ["webhook"],
      });
      if (claimed.length === 0) break;
      summary.claimed += claimed.length;
      const events = await loadEvents(prisma, [...new Set(claimed.map((c) => c.event_id))]);
      for (const c of claimed) {
        const state = await deliverOne(prisma, c, events.get(c.event_id.toString())!, mailer, s);
        summary[state] += 1;
      }
    }
  } finally {
    mailer?.close();
  }
  return summary;
}

async function deliverOne(
  prisma: PrismaClient,
  c: Claimed,
  event: AlertEventView,
  mailer: Mailer | null,
  s: Settings,
): Promise<"sent" | "failed" | "dead" | "cancelled"> {
  const sub = await loadSubscription(prisma, c.subscription_id);
  if (!sub || !sub.address) {
    // Ended between claim and send: nothing to send to.
    await prisma.alertDelivery.updateMany({
      where: { id: c.id, status: { in: ["pending", "failed"] } },
      data: { status: "cancelled", lastError: "subscription ended" },
    });
    return "cancelled";
  }
  let outcome: Outcome;
  try {
    outcome = sub.channel === "email" ? await sendEmail(prisma, mailer!, sub, event, s) : await sendWebhook(sub, event, c.attempts, s);
  } catch (err) {
    outcome = {
      ok: false,
      permanent: false,
      label: "failed",
      httpStatus: null,
      smtpResponse: null,
      error: err instanceof Error ? err.message : String(err),
      durationMs: 0,
    };
  }
  const state = await record(prisma, c, outcome, s);
  if (state !== "sent")
    s.log(`delivery ${c.id} (event ${event.id}, ${sub.channel}) try ${c.attempts}: ${state}: ${outcome.error ?? ""}`.slice(0, 500));
  return state;
}

export interface DigestSummary {
  fannedOut: { events: number; deliveries: number };
  subscriptions: number;
  messages: number;
  events: number;
  failed: number;
  emailOff: string | null;
}

/** One run of "alerts-digest": every digest subscriber with due deliveries gets one message with those events. */
export async function sendDigests(prisma: PrismaClient, opts: DeliveryOptions = {}): Promise<DigestSummary> {
  const s = settings(opts);
  const summary: DigestSummary = {
    fannedOut: await fanOutAlertEvents(prisma, { now: s.now }),
    subscriptions: 0,
    messages: 0,
    events: 0,
    failed: 0,
    emailOff: null,
  };
  const email = alertChannels(s.config).email;
  const mailer = email.on ? createMailer(s.config) : null;
  if (!mailer) return { ...summary, emailOff: `${email.reason ?? "off"} Digests wait.` };
  try {
    const due = await prisma.$queryRaw<{ id: string }[]>`
      SELECT DISTINCT s.id FROM alert_delivery d JOIN alert_subscription s ON s.id = d.subscription_id
      WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= ${iso(s.now())}::timestamptz
        AND s.status = 'active' AND s.digest AND s.channel = 'email'`;
    for (const { id } of due) {
      const claimed = await claim(prisma, {
        now: s.now(),
        leaseMs: s.leaseMs,
        limit: 200,
        digest: true,
        channels: ["email"],
        subscriptionId: id,
      });
      if (claimed.length === 0) continue;
      summary.subscriptions += 1;
      const sub = await loadSubscription(prisma, id);
      const events = await loadEvents(
        prisma,
        claimed.map((c) => c.event_id),
      );
      const list = [...events.values()].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || Number(BigInt(a.id) - BigInt(b.id)));
      let outcome: Outcome;
      if (!sub?.address) {
        outcome = {
          ok: false,
          permanent: true,
          label: "failed",
          httpStatus: null,
          smtpResponse: null,
          error: "subscription ended",
          durationMs: 0,
        };
      } else {
        const token = await linkToken(prisma, sub, s.config);
        const latest = list.reduce((max, e) => (e.occurredAt > max ? e.occurredAt : max), list[0]!.occurredAt);
        const message = renderDigest(list, {
          locale: sub.locale,
          baseUrl: s.config.publicUrl,
          manageUrl: manageUrl(s.config.publicUrl, sub.locale, token),
          unsubscribeUrl: unsubscribeUrl(s.config.publicUrl, token),
          followedIssuer: sub.issuer?.name ?? null,
          date: latest.slice(0, 10),
        });
        const started = performance.now();
        outcome = mailOutcome(
          await mailer.send({ to: sub.address, ...message, headers: emailHeaders(token, s.config, null) }),
          performance.now() - started,
        );
      }
      for (const c of claimed) await record(prisma, c, outcome, s);
      if (outcome.ok) {
        summary.messages += 1;
        summary.events += claimed.length;
      } else summary.failed += 1;
    }
  } finally {
    mailer.close();
  }
  return summary;
}
