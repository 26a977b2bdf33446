import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
// Reads for the pages around alerts (issue 20). Never an address or a token:
//
//   alertsOverview(prisma)                     the editor area: subscription counts by channel and
//                                              status, deliveries over the last 7 days, latest failures
//   recentAlertEvents(prisma, { kind, … })     the outbox as a public list (Atom feed per event kind)
import type { AlertChannel, AlertEventKind, DeliveryStatus, SubscriptionStatus } from "@/lib/domain/alerts/kinds";
import { alertEventPayloadSchema, type AlertEventView } from "@/lib/domain/alerts/payload";

export interface AlertsOverview {
  subscriptions: Record<AlertChannel, Record<SubscriptionStatus, number>>;
  /** Deliveries created in the last 7 days, by status. */
  deliveries7d: Record<DeliveryStatus, number>;
  /** Outbox events recorded in the last 7 days, by kind. */
  events7d: Partial<Record<AlertEventKind, number>>;
  /** The latest failed tries (no address): when, which channel and event, what the receiver said. */
  recentFailures: {
    at: string;
    channel: AlertChannel;
    kind: AlertEventKind;
    issuerSlug: string;
    outcome: string;
    httpStatus: number | null;
    smtpResponse: string | null;
    error: string | null;
  }[];
}

export async function alertsOverview(prisma: PrismaClient, opts: { now?: Date; failures?: number } = {}): Promise<AlertsOverview> {
  const since = new Date((opts.now ?? new Date()).getTime() - 7 * 86_400_000);
  const [subs, deliveries, events, failures] = await Promise.all([
    prisma.alertSubscription.groupBy({ by: ["channel", "status"], _count: { _all: true } }),
    prisma.alertDelivery.groupBy({ by: ["status"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
    prisma.alertEvent.groupBy({ by: ["kind"], where: { createdAt: { gte: since } }, _count: { _all: true } }),
    prisma.alertDeliveryAttempt.findMany({
      where: { outcome: { not: "sent" } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: Math.min(opts.failures ?? 20, 200),
      include: {
        delivery: {
          select: { subscription: { select: { channel: true } }, event: { select: { kind: true, issuer: { select: { slug: true } } } } },
        },
      },
    }),
  ]);
  const zeroSubs = (): Record<SubscriptionStatus, number> => ({ pending: 0, active: 0, ended: 0, dead: 0 });
  const subscriptions: AlertsOverview["subscriptions"] = { email: zeroSubs(), webhook: zeroSubs() };
  for (const s of subs) subscriptions[s.channel][s.status] = s._count._all;
  const deliveries7d: Record<DeliveryStatus, number> = { pending: 0, sent: 0, failed: 0, dead: 0, cancelled: 0 };
  for (const d of deliveries) deliveries7d[d.status] = d._count._all;
  return {
    subscriptions,
    deliveries7d,
    events7d: Object.fromEntries(events.map((e) => [e.kind, e._count._all])),
    recentFailures: failures.map((f) => ({
      at: f.at.toISOString(),
      channel: f.delivery.subscription.channel,
      kind: f.delivery.event.kind,
      issuerSlug: f.delivery.event.issuer.slug,
      outcome: f.outcome,
      httpStatus: f.httpStatus,
      smtpResponse: f.smtpResponse,
      error: f.error,
    })),
  };
}

/** The newest outbox events (newest first), optionally of one kind and/or one issuer. */
export async function recentAlertEvents(
  prisma: PrismaClient,
  opts: { kind?: AlertEventKind; issuerSlug?: string; limit?: number } = {},
): Promise<(AlertEventView & { recordedAt: string })[]> {
  const rows = await prisma.alertEvent.findMany({
    where: { ...(opts.kind ? { kind: opts.kind } : {}), ...(opts.issuerSlug ? { issuer: { slug: opts.issuerSlug } } : {}) },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: Math.min(opts.limit ?? 50, 500),
  });
  return rows.flatMap((e) => {
    const payload = alertEventPayloadSchema.safeParse(e.payload);
    return payload.success
      ? [
          {
            id: e.id.toString(),
            kind: e.kind,
            occurredAt: e.occurredAt.toISOString(),
            recordedAt: e.createdAt.toISOString(),
            payload: payload.data,
          },
        ]
      : [];
  });
}
