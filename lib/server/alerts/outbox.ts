import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { dedupeKeys, type ReportForAlert } from "@/lib/domain/alerts/events";
import type { AlertEventKind } from "@/lib/domain/alerts/kinds";
import { alertEventPayloadSchema, type AlertEventPayload } from "@/lib/domain/alerts/payload";
// The alert outbox (issue 20). Every alert event is written to alert_event in
// the SAME transaction as the change that causes it, so an event exists exactly
// when its change committed: nothing is lost if the process dies before sending,
// and the dedupe key (UNIQUE, INSERT … ON CONFLICT DO NOTHING) makes recording
// idempotent. Delivery reads the outbox later (delivery.ts).
//
//   recordAlertEvent(tx, event)                     → id, or null when already recorded
//   recordReportAlert(tx, kind, attestationId, {reason})   inside publish / correct / retract
//   recordAlertEvents(tx, events)                   many at once, one statement
//   recordReportAlerts(tx, attestationIds)          the bulk import's published reports newer than the issuer's latest (one statement per batch)
//   recordStressAlert(tx, stressEventId)            inside createStressEvent
import { fromUtcDate } from "@/lib/domain/dates";
import type { Figure } from "@/lib/domain/types";
import { reportEventPayload, stressEventPayload } from "@/lib/i18n/alerts/payloads";
import { decimalString } from "@/lib/server/queries/mappers";

/** Any client: a transaction's (the normal case) or the plain client (jobs recording on their own). */
export type Db = Prisma.TransactionClient;

export interface AlertEventInput {
  kind: AlertEventKind;
  issuerId: string;
  dedupeKey: string;
  payload: AlertEventPayload;
  occurredAt: Date;
}

/** Inserts into the outbox; returns the new id, or null when an event with this dedupe key exists. */
export async function recordAlertEvent(tx: Db, event: AlertEventInput): Promise<bigint | null> {
  const payload = alertEventPayloadSchema.parse(event.payload);
  const rows = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO alert_event (kind, issuer_id, dedupe_key, payload, occurred_at)
    VALUES (${event.kind}::"AlertEventKind", ${event.issuerId}, ${event.dedupeKey}, ${JSON.stringify(payload)}::jsonb, ${event.occurredAt.toISOString()}::timestamptz)
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  return rows[0]?.id ?? null;
}

/** Inserts many events in one statement (the bulk import); returns how many were new. */
export async function recordAlertEvents(tx: Db, events: AlertEventInput[]): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((e) => ({
    kind: e.kind,
    issuer_id: e.issuerId,
    dedupe_key: e.dedupeKey,
    payload: alertEventPayloadSchema.parse(e.payload),
    occurred_at: e.occurredAt.toISOString(),
  }));
  const inserted = await tx.$queryRaw<{ id: bigint }[]>`
    INSERT INTO alert_event (kind, issuer_id, dedupe_key, payload, occurred_at)
    SELECT r.kind::"AlertEventKind", r.issuer_id, r.dedupe_key, r.payload, r.occurred_at::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(kind text, issuer_id text, dedupe_key text, payload jsonb, occurred_at text)
    ON CONFLICT (dedupe_key) DO NOTHING
    RETURNING id`;
  return inserted.length;
}

const fig = (value: Prisma.Decimal | null, precision: string | null): Figure | null =>
  value === null || precision === null ? null : { value: decimalString(value)!, precision: precision as Figure["precision"] };

const reportSelect = {
  id: true,
  issuerId: true,
  asOf: true,
  asOfPrecision: true,
  reportType: true,
  scope: true,
  reportUrl: true,
  sourceUrl: true,
  totalReserves: true,
  reservesPrecision: true,
  tokensOutstanding: true,
  tokensPrecision: true,
  revision: true,
  issuer: { select: { slug: true, name: true } },
} satisfies Prisma.AttestationSelect;

type ReportRow = Prisma.AttestationGetPayload<{ select: typeof reportSelect }>;

function reportForAlert(a: ReportRow): ReportForAlert {
  return {
    asOf: fromUtcDate(a.asOf),
    asOfPrecision: a.asOfPrecision,
    reportType: a.reportType,
    scope: a.scope,
    reportUrl: a.reportUrl,
    sourceUrl: a.sourceUrl,
    totalReserves: fig(a.totalReserves, a.reservesPrecision),
    tokensOutstanding: fig(a.tokensOutstanding, a.tokensPrecision),
    revision: a.revision,
  };
}

type ReportKind = "report_published" | "report_corrected" | "report_retracted";

function reportEvent(kind: ReportKind, a: ReportRow, reason: string | null, now: Date): AlertEventInput {
  const dedupeKey =
    kind === "report_published"
      ? dedupeKeys.reportPublished(a.id)
      : kind === "report_corrected"
        ? dedupeKeys.reportCorrected(a.id, a.revision)
        : dedupeKeys.reportRetracted(a.id);
  return { kind, issuerId: a.issuerId, dedupeKey, payload: reportEventPayload(kind, a.issuer, reportForAlert(a), reason), occurredAt: now };
}

/** Records a report event from the report as it stands in `tx` (call after the change, inside its transaction). */
export async function recordReportAlert(
  tx: Db,
  kind: ReportKind,
  attestationId: string,
  opts: { reason?: string | null; now?: Date } = {},
): Promise<bigint | null> {
  const a = await tx.attestation.findUniqueOrThrow({ where: { id: attestationId }, select: reportSelect });
  return recordAlertEvent(tx, reportEvent(kind, a, opts.reason ?? null, opts.now ?? new Date()));
}

/** The bulk import: one report_published (or report_retracted) event per non-draft report of the batch. */
export async function recordReportAlerts(tx: Db, attestationIds: string[], opts: { now?: Date } = {}): Promise<number> {
  if (attestationIds.length === 0) return 0;
  const rows = await tx.attestation.findMany({
    where: { id: { in: attestationIds }, state: { not: "draft" } },
    select: { ...reportSelect, issuerId: true, asOf: true, state: true, retractedReason: true },
  });
  // A bulk import is often history being filled in: only a report newer than every report the
  // issuer had published before is news to a follower; older ones are recorded without an alert.
  const before = await tx.attestation.groupBy({
    by: ["issuerId"],
    where: { issuerId: { in: [...new Set(rows.map((r) => r.issuerId))] }, state: "published", id: { notIn: attestationIds } },
    _max: { asOf: true },
  });
  const latest = new Map(before.map((b) => [b.issuerId, b._max.asOf?.getTime() ?? -Infinity]));
  const now = opts.now ?? new Date();
  return recordAlertEvents(
    tx,
    rows
      .filter((a) => a.asOf.getTime() > (latest.get(a.issuerId) ?? -Infinity))
      .map((a) => reportEvent(a.state === "retracted" ? "report_retracted" : "report_published", a, a.retractedReason, now)),
  );
}

/** Records a stress_event event for a stress event just created in `tx`. */
export async function recordStressAlert(tx: Db, stressEventId: string, opts: { now?: Date } = {}): Promise<bigint | null> {
  const e = await tx.stressEvent.findUniqueOrThrow({
    where: { id: stressEventId },
    include: { issuer: { select: { slug: true, name: true } }, sources: { select: { url: true }, orderBy: { id: "asc" }, take: 1 } },
  });
  return recordAlertEvent(tx, {
    kind: "stress_event",
    issuerId: e.issuerId,
    dedupeKey: dedupeKeys.stressEvent(e.id),
    occurredAt: opts.now ?? new Date(),
    payload: stressEventPayload(e.issuer, {
      kind: e.kind,
      startDate: e.startDate ? fromUtcDate(e.startDate) : null,
      endDate: e.endDate ? fromUtcDate(e.endDate) : null,
      summary: e.summary,
      lowestPrice: decimalString(e.lowestPrice),
      reserveExposure: fig(e.reserveExposureUsd, e.exposurePrecision),
      sourceUrl: e.sources[0]?.url ?? null,
    }),
  });
}
