import "server-only";

// Following an issuer (issue 20): subscribe, confirm, unsubscribe, manage.
// No account: the management link (token) is the only key to a subscription.
//
// Public API (for pages, server actions and app/api/alerts/*):
//
//   alertChannels(): AlertChannels            (re-exported from config.ts) which channels are on, and why not
//   subscribe(raw, { ip }): SubscribeResult   parse with subscriptionRequest (lib/domain/alerts), limits, store;
//                                             e-mail: status "pending", only the confirmation message is sent;
//                                             webhook: status "active", answer holds the secret and manage token ONCE
//   confirm(token): ConfirmResult             the e-mail link; expires after 48 h
//   unsubscribe(token): UnsubscribeResult     one click (RFC 8058); erases the address and the secret
//   manage(token): ManagedSubscription | null the management page: masked address, kinds, delivery log
//   updateSubscription(token, raw)            change kinds (and, for e-mail, digest)
//
// Refusals are AlertErrors (errors.ts): CommandErrors with a status (400, 404,
// 409, 429, 503) and a `code`; never a 500 for something the requester did.
// Limits: per network (client address, stored only hashed) 5 follow requests an
// hour; per address 3 pending-or-recent (an hour) subscriptions, so nobody can
// flood an inbox with confirmation messages. Both counted in PostgreSQL under an
// advisory lock, so they hold across instances.
import { randomUUID } from "node:crypto";

import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import {
  ALERT_EVENT_KINDS,
  type AlertChannel,
  type AlertLocale,
  type DeliveryStatus,
  type SubscriptionStatus,
} from "@/lib/domain/alerts/kinds";
import { alertEventPayloadSchema } from "@/lib/domain/alerts/payload";
import { subscriptionRequest, subscriptionUpdate, type SubscriptionRequest } from "@/lib/domain/alerts/subscription-request";
import type { ManagedSubscription } from "@/lib/domain/views/alerts";
import { alertSubject, renderConfirmation } from "@/lib/i18n/alerts/render";
import { fieldErrorsOf } from "@/lib/server/commands/errors";
import { db } from "@/lib/server/db";

import { alertChannels, alertsConfig, type AlertsConfig } from "./config";
import { AlertError } from "./errors";
import { confirmUrl, managePath, manageUrl, unsubscribeUrl } from "./links";
import { createMailer } from "./mailer";
import { isTokenShape, manageTokenFor, networkHash, newRandomToken, newWebhookSecret, sha256Hex } from "./tokens";
import { checkWebhookTarget, type Resolver } from "./webhook-target";

export { alertChannels } from "./config";

export const SUBSCRIBE_LIMITS = {
  /** Follow requests per network (client address) per window. */
  perNetwork: 5,
  /** Pending-or-recent subscriptions per e-mail address or webhook URL. */
  perAddress: 3,
  windowMs: 3600_000,
  /** How long a confirmation link works. */
  confirmHours: 48,
} as const;

export interface SubscribeContext {
  /** The client address (lib/server/sign-in/rate-limit.ts clientIp); null skips the per-network limit. */
  ip: string | null;
  now?: Date;
  config?: AlertsConfig;
  /** DNS resolution of webhook hosts (tests). */
  resolve?: Resolver;
  prisma?: PrismaClient;
}

export type SubscribeResult =
  | {
      channel: "email";
      id: string;
      status: "pending";
      locale: AlertLocale;
      /** What to tell the reader (English; pages say it in their own words). */
      message: string;
    }
  | {
      channel: "webhook";
      id: string;
      status: "active";
      locale: AlertLocale;
      /** Shown ONCE: the HMAC key for X-USD1-Signature. Not retrievable later. */
      secret: string;
      /** Shown ONCE: opens manage() and unsubscribe(). */
      manageToken: string;
      /** "/en/follow/manage?token=…" */
      managePath: string;
      manageUrl: string;
      unsubscribeUrl: string;
      message: string;
    };

const invalid = (fieldErrors: Record<string, string[]>) =>
  new AlertError("invalid", "validation", "Some fields need attention; nothing was saved.", { fieldErrors });

function tokenFor(id: string, config: AlertsConfig): string {
  // Without a link secret only webhooks can be made (e-mail is off), and their token is shown once: random is enough.
  return config.linkSecret ? manageTokenFor(id, config.linkSecret) : newRandomToken();
}

async function lockKey(tx: Prisma.TransactionClient, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

function retryMessage(what: string, limit: number, retryAt: Date, now: Date) {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return `${what}: at most ${limit} an hour. Nothing was saved; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

async function enforceLimits(tx: Prisma.TransactionClient, req: SubscriptionRequest, network: string | null, now: Date) {
  const since = new Date(now.getTime() - SUBSCRIBE_LIMITS.windowMs);
  if (network) {
    await lockKey(tx, `alerts-network:${network}`);
    const recent = await tx.alertSubscription.findMany({
      where: { networkHash: network, createdAt: { gt: since } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    if (recent.length >= SUBSCRIBE_LIMITS.perNetwork) {
      const retryAt = new Date(recent[recent.length - SUBSCRIBE_LIMITS.perNetwork]!.createdAt.getTime() + SUBSCRIBE_LIMITS.windowMs);
      throw new AlertError(
        "rate_limited",
        "rate_limited",
        retryMessage("Too many follow requests from your network", SUBSCRIBE_LIMITS.perNetwork, retryAt, now),
        {
          retryAt: retryAt.toISOString(),
        },
      );
    }
  }
  await lockKey(tx, `alerts-address:${sha256Hex(req.address)}`);
  const same = await tx.alertSubscription.findMany({
    where: {
      address: req.address,
      OR: [{ status: "pending", confirmExpiresAt: { gt: now } }, { createdAt: { gt: since } }],
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (same.length >= SUBSCRIBE_LIMITS.perAddress) {
    const retryAt = new Date(same[same.length - SUBSCRIBE_LIMITS.perAddress]!.createdAt.getTime() + SUBSCRIBE_LIMITS.windowMs);
    throw new AlertError(
      "rate_limited",
      "rate_limited",
      req.channel === "email"
        ? `This address already has ${same.length} recent follow requests waiting for confirmation: check its inbox (and spam folder) for the confirmation message. Nothing was saved.`
        : retryMessage("Too many follow requests for this webhook URL", SUBSCRIBE_LIMITS.perAddress, retryAt, now),
      { retryAt: retryAt.toISOString() },
    );
  }
}

export async function subscribe(raw: unknown, ctx: SubscribeContext): Promise<SubscribeResult> {
  const parsed = subscriptionRequest.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const req = parsed.data;
  const config = ctx.config ?? alertsConfig();
  const now = ctx.now ?? new Date();
  const prisma = ctx.prisma ?? db();

  if (req.channel === "email") {
    const email = alertChannels(config).email;
    if (!email.on)
      throw new AlertError("email_off", "unavailable", `${email.reason} Nothing was saved.`, {
        fieldErrors: { channel: [email.reason ?? "e-mail alerts are off"] },
      });
  } else {
    const target = await checkWebhookTarget(req.address, { allowPrivate: config.allowPrivateWebhooks, resolve: ctx.resolve });
    if (!target.ok) {
      const code = target.code === "private_address" ? "private_address" : target.code === "unresolvable" ? "unresolvable" : "invalid";
      const why = target.code === "private_address" ? `${target.reason}: webhooks are only sent to public addresses` : target.reason;
      throw new AlertError(code, "validation", `The webhook URL was refused (${why}). Nothing was saved.`, {
        fieldErrors: { address: [why] },
      });
    }
  }

  const id = randomUUID();
  const manageToken = tokenFor(id, config);
  const confirmToken = req.channel === "email" ? newRandomToken() : null;
  const secret = req.channel === "webhook" ? newWebhookSecret() : null;
  const network = ctx.ip ? networkHash(ctx.ip) : null;

  const issuer = await prisma.$transaction(async (tx) => {
    await enforceLimits(tx, req, network, now);
    const issuer = req.issuerSlug
      ? await tx.issuer.findUnique({ where: { slug: req.issuerSlug }, select: { id: true, name: true } })
      : null;
    if (req.issuerSlug && !issuer)
      throw new AlertError("unknown_issuer", "validation", "There is no such issuer to follow; nothing was saved.", {
        fieldErrors: { issuer: ["no issuer with this slug"] },
      });
    await tx.alertSubscription.create({
      data: {
        id,
        channel: req.channel,
        address: req.address,
        locale: req.locale,
        issuerId: issuer?.id ?? null,
        kinds: req.kinds,
        digest: req.digest,
        status: req.channel === "email" ? "pending" : "active",
        confirmTokenHash: confirmToken ? sha256Hex(confirmToken) : null,
        confirmExpiresAt: confirmToken ? new Date(now.getTime() + SUBSCRIBE_LIMITS.confirmHours * 3600_000) : null,
        confirmedAt: req.channel === "webhook" ? now : null,
        manageTokenHash: sha256Hex(manageToken),
        webhookSecret: secret,
        networkHash: network,
        createdAt: now,
      },
    });
    return issuer;
  });

  if (req.channel === "webhook") {
    return {
      channel: "webhook",
      id,
      status: "active",
      locale: req.locale,
      secret: secret!,
      manageToken,
      managePath: managePath(req.locale, manageToken),
      manageUrl: manageUrl(config.publicUrl, req.locale, manageToken),
      unsubscribeUrl: unsubscribeUrl(config.publicUrl, manageToken),
      message: "The webhook is active. Keep the secret: it signs every request (X-USD1-Signature) and is not shown again.",
    };
  }

  // Double opt-in: this is the only message sent before the link is followed.
  const mailer = createMailer(config);
  const message = renderConfirmation({
    locale: req.locale,
    confirmUrl: confirmUrl(config.publicUrl, confirmToken!),
    issuerName: issuer?.name ?? null,
    kinds: req.kinds,
    digest: req.digest,
    expiresHours: SUBSCRIBE_LIMITS.confirmHours,
  });
  const sent = await mailer!.send({ to: req.address, ...message, headers: { "Auto-Submitted": "auto-generated" } });
  mailer!.close();
  if (!sent.ok) {
    await endSubscription(prisma, id, "mail_failed", now);
    console.error(`[alerts] confirmation message not sent: ${sent.error}`);
    throw new AlertError(
      "mail_failed",
      sent.permanent ? "validation" : "unavailable",
      sent.permanent
        ? "The mail server refused this address, so no confirmation could be sent. Check the address; nothing was kept."
        : "The confirmation message could not be sent just now; nothing was kept. Try again in a few minutes.",
      sent.permanent ? { fieldErrors: { address: ["refused by the mail server"] } } : {},
    );
  }
  return {
    channel: "email",
    id,
    status: "pending",
    locale: req.locale,
    message: "Check your inbox: follow the link in the message we sent to confirm. Nothing else is sent until then.",
  };
}

/** Ends a subscription: the address, the secret and the confirmation token are erased; unsent deliveries are cancelled. */
async function endSubscription(
  prisma: PrismaClient | Prisma.TransactionClient,
  id: string,
  reason: string,
  now: Date,
  status: "ended" | "dead" = "ended",
) {
  await prisma.$executeRaw`
    UPDATE alert_subscription SET status = ${status}::"AlertSubscriptionStatus", ended_at = ${now.toISOString()}::timestamptz, end_reason = ${reason},
      address = NULL, webhook_secret = NULL, confirm_token_hash = NULL, confirm_expires_at = NULL
    WHERE id = ${id} AND status IN ('pending', 'active')`;
  await prisma.$executeRaw`
    UPDATE alert_delivery SET status = 'cancelled', last_error = ${`subscription ended (${reason})`}
    WHERE subscription_id = ${id} AND status IN ('pending', 'failed')`;
}

export { endSubscription };

export interface ConfirmResult {
  outcome: "confirmed" | "already_confirmed" | "expired" | "ended" | "unknown";
  /** The subscription's language (for the page to redirect to); null when the token is unknown. */
  locale: AlertLocale | null;
  /** Confirmed (now or before): the management link's token, so the reader lands on the management page. */
  manageToken?: string;
}

export async function confirm(token: unknown, opts: { now?: Date; prisma?: PrismaClient } = {}): Promise<ConfirmResult> {
  if (!isTokenShape(token)) return { outcome: "unknown", locale: null };
  const now = opts.now ?? new Date();
  const prisma = opts.prisma ?? db();
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: SubscriptionStatus; locale: AlertLocale; confirm_expires_at: Date | null }[]>`
      SELECT id, status::text AS status, locale, confirm_expires_at FROM alert_subscription WHERE confirm_token_hash = ${sha256Hex(token)} FOR UPDATE`;
    const s = rows[0];
    if (!s) return { outcome: "unknown", locale: null };
    const config = alertsConfig();
    const manageToken = config.linkSecret ? manageTokenFor(s.id, config.linkSecret) : undefined;
    if (s.status === "active") return { outcome: "already_confirmed", locale: s.locale, manageToken };
    if (s.status !== "pending") return { outcome: "ended", locale: s.locale };
    if (!s.confirm_expires_at || s.confirm_expires_at <= now) {
      await endSubscription(tx, s.id, "expired", now);
      return { outcome: "expired", locale: s.locale };
    }
    await tx.alertSubscription.update({ where: { id: s.id }, data: { status: "active", confirmedAt: now, confirmExpiresAt: null } });
    return { outcome: "confirmed", locale: s.locale, manageToken };
  });
}

export interface UnsubscribeResult {
  outcome: "unsubscribed" | "already_ended" | "unknown";
  locale: AlertLocale | null;
}

/** One click: ends the subscription and erases its address. Idempotent. */
export async function unsubscribe(token: unknown, opts: { now?: Date; prisma?: PrismaClient } = {}): Promise<UnsubscribeResult> {
  if (!isTokenShape(token)) return { outcome: "unknown", locale: null };
  const now = opts.now ?? new Date();
  const prisma = opts.prisma ?? db();
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: SubscriptionStatus; locale: AlertLocale }[]>`
      SELECT id, status::text AS status, locale FROM alert_subscription WHERE manage_token_hash = ${sha256Hex(token)} FOR UPDATE`;
    const s = rows[0];
    if (!s) return { outcome: "unknown", locale: null };
    if (s.status === "ended" || s.status === "dead") return { outcome: "already_ended", locale: s.locale };
    await endSubscription(tx, s.id, "unsubscribed", now);
    return { outcome: "unsubscribed", locale: s.locale };
  });
}

/** "jane@example.org" → "j•••@e•••.org"; a URL → its origin and "/…". */
export function maskAddress(channel: AlertChannel, address: string | null): string | null {
  if (address === null) return null;
  if (channel === "webhook") {
    try {
      const u = new URL(address);
      return `${u.origin}${u.pathname === "/" && !u.search ? "/" : "/…"}`;
    } catch {
      return "…";
    }
  }
  const at = address.lastIndexOf("@");
  if (at < 1) return "•••";
  const domain = address.slice(at + 1);
  const dot = domain.lastIndexOf(".");
  return `${address[0]}•••@${domain[0]}•••${dot > 0 ? domain.slice(dot) : ""}`;
}

export async function manage(
  token: unknown,
  opts: { deliveries?: number; prisma?: PrismaClient } = {},
): Promise<ManagedSubscription | null> {
  if (!isTokenShape(token)) return null;
  const prisma = opts.prisma ?? db();
  const s = await prisma.alertSubscription.findUnique({
    where: { manageTokenHash: sha256Hex(token) },
    include: { issuer: { select: { slug: true, name: true } } },
  });
  if (!s) return null;
  const [deliveries, counts] = await Promise.all([
    prisma.alertDelivery.findMany({
      where: { subscriptionId: s.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(opts.deliveries ?? 50, 500),
      include: {
        event: { include: { issuer: { select: { slug: true, name: true } } } },
        attemptLog: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 20 },
      },
    }),
    prisma.alertDelivery.groupBy({ by: ["status"], where: { subscriptionId: s.id }, _count: { _all: true } }),
  ]);
  const locale = s.locale as AlertLocale;
  const totals = { pending: 0, sent: 0, failed: 0, dead: 0, cancelled: 0 } as Record<DeliveryStatus, number>;
  for (const c of counts) totals[c.status] = c._count._all;
  return {
    id: s.id,
    channel: s.channel,
    status: s.status,
    addressMasked: maskAddress(s.channel, s.address),
    locale,
    issuer: s.issuer,
    kinds: ALERT_EVENT_KINDS.filter((k) => s.kinds.includes(k)),
    digest: s.digest,
    createdAt: s.createdAt.toISOString(),
    confirmedAt: s.confirmedAt?.toISOString() ?? null,
    endedAt: s.endedAt?.toISOString() ?? null,
    endReason: s.endReason,
    totals,
    deliveries: deliveries.map((d) => {
      const payload = alertEventPayloadSchema.safeParse(d.event.payload);
      const view = payload.success
        ? { id: d.event.id.toString(), kind: d.event.kind, occurredAt: d.event.occurredAt.toISOString(), payload: payload.data }
        : null;
      return {
        eventId: d.event.id.toString(),
        kind: d.event.kind,
        issuer: d.event.issuer,
        summary: view ? alertSubject(view, locale) : d.event.kind,
        occurredAt: d.event.occurredAt.toISOString(),
        status: d.status,
        attempts: d.attempts,
        nextAttemptAt: d.status === "pending" || d.status === "failed" ? d.nextAttemptAt.toISOString() : null,
        sentAt: d.sentAt?.toISOString() ?? null,
        lastError: d.lastError,
        log: d.attemptLog.map((a) => ({
          at: a.at.toISOString(),
          attempt: a.attempt,
          outcome: a.outcome,
          httpStatus: a.httpStatus,
          smtpResponse: a.smtpResponse,
          error: a.error,
          durationMs: a.durationMs,
        })),
      };
    }),
  };
}

/** The management page's change of kinds (and, for e-mail, digest). Refused once the subscription has ended. */
export async function updateSubscription(token: unknown, raw: unknown, opts: { prisma?: PrismaClient } = {}): Promise<ManagedSubscription> {
  if (!isTokenShape(token)) throw new AlertError("unknown_token", "not_found", "This management link is not valid; nothing was changed.");
  const parsed = subscriptionUpdate.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(fieldErrorsOf(parsed.error));
  const prisma = opts.prisma ?? db();
  await prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: SubscriptionStatus; channel: AlertChannel }[]>`
      SELECT id, status::text AS status, channel::text AS channel FROM alert_subscription WHERE manage_token_hash = ${sha256Hex(token)} FOR UPDATE`;
    const s = rows[0];
    if (!s) throw new AlertError("unknown_token", "not_found", "This management link is not valid; nothing was changed.");
    if (s.status === "ended" || s.status === "dead")
      throw new AlertError("ended", "state", "This subscription has ended; follow again to receive alerts. Nothing was changed.");
    if (parsed.data.digest && s.channel !== "email") throw invalid({ digest: ["a daily digest is for e-mail only"] });
    await tx.alertSubscription.update({
      where: { id: s.id },
      data: {
        kinds: parsed.data.kinds,
        ...(parsed.data.digest !== undefined && s.channel === "email" ? { digest: parsed.data.digest } : {}),
      },
    });
  });
  return (await manage(token, { prisma }))!;
}

/** Pending subscriptions whose link expired: ended, their address erased (run by the delivery job). */
export async function expireUnconfirmed(prisma: PrismaClient, now: Date = new Date()): Promise<number> {
  const stale = await prisma.alertSubscription.findMany({
    where: { status: "pending", confirmExpiresAt: { lte: now } },
    select: { id: true },
    take: 1000,
  });
  for (const s of stale) await endSubscription(prisma, s.id, "expired", now);
  return stale.length;
}
