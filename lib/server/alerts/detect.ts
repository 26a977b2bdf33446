import "server-only";

// Events no editor records (issue 20): a report running late, and the live
// signals. Each is recorded in the outbox once, by its dedupe key, so running a
// detector again (the next day, the next refresh, after a crash) records
// nothing new for the same thing.
//
//   detectOverdue(prisma, today)        "alerts-overdue", daily: one report_overdue per issuer and
//                                       expected report (key: issuer + expected as-of date of
//                                       overdueJudgement, the judgement the issuer page shows)
//   detectPriceBandAlerts(prisma, opts) after the price poll: one price_band per sustained episode
//                                       outside $1 ± band (lib/live/depeg.ts detectDepegs, the
//                                       detector of the stress drafts; default ±0.5% for ≥ 24 h)
//   detectLiveAlerts(prisma, opts)      after each live refresh: supply_divergence (live supply vs
//                                       the last attested tokens outstanding, beyond ±2%) and
//                                       reserve_below_supply (on-chain reserves < live supply), once
//                                       each time the condition starts (alert_condition keeps the state)
//
// The live detectors run after the readings are stored rather than in the same
// transaction: they read only stored readings, so a crash in between loses
// nothing (the next run sees the same readings) and the dedupe key and the
// condition row (updated in the event's transaction) keep it to one event.
import Decimal from "decimal.js";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { dedupeKeys, supplyDivergence } from "@/lib/domain/alerts/events";
import type { AlertEventKind } from "@/lib/domain/alerts/kinds";
import { fromUtcDate } from "@/lib/domain/dates";
import { overdueJudgement } from "@/lib/domain/metrics/cadence";
import { reportData } from "@/lib/domain/report-data";
import type { Precision } from "@/lib/domain/taxonomy";
import type { AttestationData } from "@/lib/domain/types";
import { overduePayload, priceBandPayload, reserveBelowSupplyPayload, supplyDivergencePayload } from "@/lib/i18n/alerts/payloads";
import { detectDepegs, type DepegPolicy } from "@/lib/live/depeg";
import { liveConfig } from "@/lib/server/live/config";
import { dailySeries } from "@/lib/server/live/prices";

import { recordAlertEvent } from "./outbox";

export const DETECT_DEFAULTS = {
  /** An issuer found overdue later than this many days after its window (the job did not run) is not announced. */
  maxDaysOverdue: 7,
  /** Supply divergence threshold, percent either way. */
  divergencePct: 2,
  /** A price episode is announced while its last day is at most this many days old. */
  priceRecentDays: 2,
} as const;

/** Only what overdueJudgement reads; the rest of the shape is empty. */
function cadenceReport(
  r: { id: string; asOf: Date; asOfPrecision: "day" | "month"; publishedOn: Date | null },
  slug: string,
): AttestationData {
  return reportData({
    id: r.id,
    issuerSlug: slug,
    asOf: fromUtcDate(r.asOf),
    asOfPrecision: r.asOfPrecision,
    publishedOn: r.publishedOn ? fromUtcDate(r.publishedOn) : null,
  });
}

export interface OverdueSummary {
  today: string;
  checked: number;
  overdue: number;
  recorded: { issuerSlug: string; expectedAsOf: string; daysOverdue: number }[];
}

/** `today` is YYYY-MM-DD (UTC): the same judgement as the issuer page on that day. */
export async function detectOverdue(prisma: PrismaClient, today: string, opts: { maxDaysOverdue?: number } = {}): Promise<OverdueSummary> {
  const maxDays = opts.maxDaysOverdue ?? DETECT_DEFAULTS.maxDaysOverdue;
  const issuers = await prisma.issuer.findMany({
    where: { declaredCadence: { not: "none" } },
    select: {
      id: true,
      slug: true,
      name: true,
      declaredCadence: true,
      sourceUrl: true,
      website: true,
      attestations: { where: { state: "published" }, select: { id: true, asOf: true, asOfPrecision: true, publishedOn: true } },
    },
  });
  const summary: OverdueSummary = { today, checked: issuers.length, overdue: 0, recorded: [] };
  for (const issuer of issuers) {
    const j = overdueJudgement(
      issuer.attestations.map((a) => cadenceReport(a, issuer.slug)),
      issuer.declaredCadence,
      today,
    );
    if (j.status !== "overdue" || !j.nextExpectedAsOf || !j.windowEnd || j.daysOverdue === null) continue;
    summary.overdue += 1;
    if (j.daysOverdue > maxDays) continue;
    let id: bigint | null;
    try {
      id = await recordAlertEvent(prisma, {
        kind: "report_overdue",
        issuerId: issuer.id,
        dedupeKey: dedupeKeys.reportOverdue(issuer.id, j.nextExpectedAsOf),
        // It became overdue the day after its window closed.
        occurredAt: new Date(new Date(`${j.windowEnd}T00:00:00Z`).getTime() + 86_400_000),
        payload: overduePayload({ slug: issuer.slug, name: issuer.name }, j, issuer.sourceUrl ?? issuer.website ?? null),
      });
    } catch (err) {
      // One issuer's odd record never stops the others' alerts; the job's log says which.
      console.error(`[alerts] overdue check of ${issuer.slug} failed: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    if (id !== null) summary.recorded.push({ issuerSlug: issuer.slug, expectedAsOf: j.nextExpectedAsOf, daysOverdue: j.daysOverdue });
  }
  return summary;
}

export interface PriceBandSummary {
  series: number;
  recorded: { issuerId: string; token: string; startDate: string }[];
}

/** One price_band event per sustained episode still going on (its last day recent). */
export async function detectPriceBandAlerts(
  prisma: PrismaClient,
  opts: { now?: Date; policy?: DepegPolicy; recentDays?: number } = {},
): Promise<PriceBandSummary> {
  const now = opts.now ?? new Date();
  const policy = opts.policy ?? liveConfig().depeg;
  const recentDays = opts.recentDays ?? DETECT_DEFAULTS.priceRecentDays;
  const since = new Date(now.getTime() - (recentDays + 1) * 86_400_000);
  const recentFrom = new Date(now.getTime() - recentDays * 86_400_000).toISOString().slice(0, 10);
  const pairs = await prisma.$queryRaw<{ issuer_id: string; token: string; slug: string; name: string }[]>`
    SELECT DISTINCT p.issuer_id, p.token, i.slug, i.name FROM live_price p JOIN issuer i ON i.id = p.issuer_id
    WHERE p.date >= ${since.toISOString().slice(0, 10)}::date`;
  const summary: PriceBandSummary = { series: pairs.length, recorded: [] };
  for (const p of pairs) {
    const episodes = detectDepegs(await dailySeries(prisma, p.issuer_id, p.token), policy);
    for (const ep of episodes) {
      if (!ep.ongoing || ep.endDate < recentFrom) continue;
      const id = await recordAlertEvent(prisma, {
        kind: "price_band",
        issuerId: p.issuer_id,
        dedupeKey: dedupeKeys.priceBand(p.issuer_id, p.token, ep.startDate),
        occurredAt: new Date(`${ep.endDate}T00:00:00Z`),
        payload: priceBandPayload(
          { slug: p.slug, name: p.name },
          p.token,
          {
            startDate: ep.startDate,
            endDate: ep.endDate,
            lowestPrice: ep.lowestPrice,
            maxDeviationBp: ep.maxDeviationBp,
            lastPrice: ep.points.at(-1)!.priceUsd,
          },
          policy.bandBp,
        ),
      });
      if (id !== null) summary.recorded.push({ issuerId: p.issuer_id, token: p.token, startDate: ep.startDate });
    }
  }
  return summary;
}

/**
 * Sets a live condition's state; true when it has just become active (the
 * caller records the event in the same transaction). Row-locked, so two
 * refreshes running at once cannot both see it start.
 */
async function conditionStarts(
  tx: Prisma.TransactionClient,
  issuerId: string,
  kind: AlertEventKind,
  subject: string,
  active: boolean,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  await tx.$executeRaw`
    INSERT INTO alert_condition (issuer_id, kind, subject, active, since, checked_at)
    VALUES (${issuerId}, ${kind}::"AlertEventKind", ${subject}, false, ${at}::timestamptz, ${at}::timestamptz)
    ON CONFLICT (issuer_id, kind, subject) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ active: boolean }[]>`
    SELECT active FROM alert_condition WHERE issuer_id = ${issuerId} AND kind = ${kind}::"AlertEventKind" AND subject = ${subject} FOR UPDATE`;
  const was = row?.active ?? false;
  await tx.$executeRaw`
    UPDATE alert_condition SET active = ${active}, checked_at = ${at}::timestamptz, since = CASE WHEN active <> ${active} THEN ${at}::timestamptz ELSE since END
    WHERE issuer_id = ${issuerId} AND kind = ${kind}::"AlertEventKind" AND subject = ${subject}`;
  return active && !was;
}

export interface LiveAlertSummary {
  issuers: number;
  recorded: { issuerId: string; kind: AlertEventKind }[];
}

/** After a live refresh: supply diverging from the last report, and on-chain reserves below supply. */
export async function detectLiveAlerts(prisma: PrismaClient, opts: { now?: Date; divergencePct?: number } = {}): Promise<LiveAlertSummary> {
  const now = opts.now ?? new Date();
  const threshold = opts.divergencePct ?? DETECT_DEFAULTS.divergencePct;
  const supplies = await prisma.$queryRaw<
    { issuer_id: string; amount: string; newest: Date; read: number; tracked: number; source_url: string | null }[]
  >`
    WITH latest AS (
      SELECT DISTINCT ON (r.target_id) r.issuer_id, r.amount, r.read_at
      FROM live_reading r JOIN live_token_deployment d ON d.id = r.target_id AND d.enabled
      WHERE r.kind = 'supply' ORDER BY r.target_id, r.read_at DESC, r.id DESC)
    SELECT l.issuer_id, trim_scale(sum(l.amount))::text AS amount, max(l.read_at) AS newest, count(*)::int AS read,
      (SELECT count(*)::int FROM live_token_deployment d WHERE d.issuer_id = l.issuer_id AND d.enabled) AS tracked,
      (SELECT d.source_url FROM live_token_deployment d WHERE d.issuer_id = l.issuer_id AND d.enabled AND d.source_url IS NOT NULL ORDER BY d.chain LIMIT 1) AS source_url
    FROM latest l GROUP BY l.issuer_id`;
  if (supplies.length === 0) return { issuers: 0, recorded: [] };
  const ids = supplies.map((s) => s.issuer_id);
  const [issuers, attested, reserves] = await Promise.all([
    prisma.issuer.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true } }),
    prisma.$queryRaw<{ issuer_id: string; as_of: Date; as_of_precision: "day" | "month"; tokens: string; precision: Precision }[]>`
      SELECT DISTINCT ON (a.issuer_id) a.issuer_id, a.as_of, a.as_of_precision::text AS as_of_precision,
        trim_scale(a.tokens_outstanding)::text AS tokens, a.tokens_precision::text AS precision
      FROM attestation a WHERE a.state = 'published' AND a.tokens_outstanding IS NOT NULL AND a.issuer_id IN (${Prisma.join(ids)})
      ORDER BY a.issuer_id, a.as_of DESC`,
    prisma.$queryRaw<
      { issuer_id: string; kind: "reserve_feed" | "reserve_balance"; amount: string; newest: Date; source_url: string | null }[]
    >`
      WITH latest AS (
        SELECT DISTINCT ON (r.target_id, r.metric) r.issuer_id, r.kind, r.amount, r.read_at, coalesce(f.source_url, a.source_url) AS source_url
        FROM live_reading r
        LEFT JOIN live_reserve_feed f ON f.id = r.target_id AND r.kind = 'reserve_feed'
        LEFT JOIN live_reserve_address a ON a.id = r.target_id AND r.kind = 'reserve_balance'
        WHERE r.kind IN ('reserve_feed', 'reserve_balance') AND (f.enabled OR a.enabled) AND r.issuer_id IN (${Prisma.join(ids)})
        ORDER BY r.target_id, r.metric, r.read_at DESC, r.id DESC)
      SELECT issuer_id, kind::text AS kind, trim_scale(sum(amount))::text AS amount, max(read_at) AS newest, min(source_url) AS source_url
      FROM latest GROUP BY issuer_id, kind`,
  ]);
  const issuerOf = new Map(issuers.map((i) => [i.id, { slug: i.slug, name: i.name }]));
  const attestedOf = new Map(attested.map((a) => [a.issuer_id, a]));
  const summary: LiveAlertSummary = { issuers: supplies.length, recorded: [] };

  for (const s of supplies) {
    const issuer = issuerOf.get(s.issuer_id);
    // A partial sum is only a lower bound of supply: no judgement on it.
    if (!issuer || s.read !== s.tracked) continue;

    const a = attestedOf.get(s.issuer_id);
    if (a && !new Decimal(a.tokens).isZero()) {
      const attestedFigure = { value: a.tokens, precision: a.precision };
      const m = supplyDivergence(s.amount, attestedFigure);
      const active = m.value !== null && new Decimal(m.value).abs().gt(threshold);
      await prisma.$transaction(async (tx) => {
        if (!(await conditionStarts(tx, s.issuer_id, "supply_divergence", "", active, now))) return;
        await recordAlertEvent(tx, {
          kind: "supply_divergence",
          issuerId: s.issuer_id,
          dedupeKey: dedupeKeys.condition("supply_divergence", s.issuer_id, "", now.toISOString()),
          occurredAt: s.newest,
          payload: supplyDivergencePayload(issuer, {
            supply: s.amount,
            supplyComplete: true,
            readAt: s.newest.toISOString(),
            attested: attestedFigure,
            attestedAsOf: fromUtcDate(a.as_of),
            attestedAsOfPrecision: a.as_of_precision,
            thresholdPct: threshold,
            sourceUrl: s.source_url,
          }),
        });
        summary.recorded.push({ issuerId: s.issuer_id, kind: "supply_divergence" });
      });
    }

    // Feeds state the reserves as a whole; balances are the published addresses. Feeds when there are any.
    const own = reserves.filter((r) => r.issuer_id === s.issuer_id);
    const r = own.find((x) => x.kind === "reserve_feed") ?? own.find((x) => x.kind === "reserve_balance");
    if (r) {
      const active = new Decimal(r.amount).lt(s.amount);
      await prisma.$transaction(async (tx) => {
        if (!(await conditionStarts(tx, s.issuer_id, "reserve_below_supply", "", active, now))) return;
        const newest = r.newest > s.newest ? r.newest : s.newest;
        await recordAlertEvent(tx, {
          kind: "reserve_below_supply",
          issuerId: s.issuer_id,
          dedupeKey: dedupeKeys.condition("reserve_below_supply", s.issuer_id, "", now.toISOString()),
          occurredAt: newest,
          payload: reserveBelowSupplyPayload(issuer, {
            reserves: r.amount,
            supply: s.amount,
            readAt: newest.toISOString(),
            sourceUrl: r.source_url ?? s.source_url,
          }),
        });
        summary.recorded.push({ issuerId: s.issuer_id, kind: "reserve_below_supply" });
      });
    }
  }
  return summary;
}
