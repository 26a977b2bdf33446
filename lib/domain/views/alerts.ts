// What the follow pages show: which alert channels are on, and a subscription as its
// management page lists it (masked address, kinds, every delivery with its tries).
import type { AlertChannel, AlertEventKind, AlertLocale, DeliveryStatus, SubscriptionStatus } from "@/lib/domain/alerts/kinds";

export interface DeliveryLogEntry {
  at: string;
  attempt: number;
  /** sent, failed, bounced (an SMTP refusal), refused (a private address) */
  outcome: string;
  httpStatus: number | null;
  smtpResponse: string | null;
  error: string | null;
  durationMs: number;
}

export interface ManagedDelivery {
  eventId: string;
  kind: AlertEventKind;
  issuer: { slug: string; name: string };
  /** One line in the subscription's language. */
  summary: string;
  occurredAt: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  lastError: string | null;
  /** Newest first. */
  log: DeliveryLogEntry[];
}

export interface ManagedSubscription {
  id: string;
  channel: AlertChannel;
  status: SubscriptionStatus;
  /** "j•••@e•••.org" or "https://hooks.example.org/…"; null once erased (ended). */
  addressMasked: string | null;
  locale: AlertLocale;
  /** null: every issuer. */
  issuer: { slug: string; name: string } | null;
  kinds: AlertEventKind[];
  digest: boolean;
  createdAt: string;
  confirmedAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  /** Newest first, at most `deliveries` (default 50). */
  deliveries: ManagedDelivery[];
  /** Counts over all deliveries. */
  totals: Record<DeliveryStatus, number>;
}

export interface ChannelState {
  on: boolean;
  /** Why it is off: a stable code for the page's words, and an English explanation. */
  code: "on" | "no_smtp" | "smtp_invalid" | "no_link_secret";
  reason: string | null;
}

export interface AlertChannels {
  email: ChannelState;
  webhook: ChannelState;
}
