import "server-only";

// The live signals of one issuer as its page shows them: supply now and by
// chain (each reading with its block or slot and the time it was read), what
// the readers are doing (off and why, failing, breaker), on-chain reserves, the
// issuer's own live figure, and the peg history from stored daily prices.
// Cached briefly (the live figures age; each shows when it was read) under the
// "live" tag, which a refresh expires.
import Decimal from "decimal.js";
import { cacheLife, cacheTag } from "next/cache";

import { fromUtcDate } from "@/lib/domain/dates";
import { isSlug } from "@/lib/domain/schemas/common";
import type { IssuerLiveModel, LiveFigure, LiveSupplyTotals } from "@/lib/domain/views/live";
import { pegDeviationBp } from "@/lib/live/decimal";
import { DEFAULT_DEPEG_POLICY, detectDepegs } from "@/lib/live/depeg";
import { readDb } from "@/lib/server/db";
import { dailySeries } from "@/lib/server/live/prices";
import { latestReadings, liveStatus, type ReaderStatus } from "@/lib/server/live/queries";

import { PUBLISHED_DATA, TAGS } from "./tags";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Whether a reader is one this issuer's figures come from: a chain of its token deployments,
 * reserve addresses or reserve feeds, the adapter of one of its transparency pages, or prices.
 * Another issuer's reader being off is not news on this page.
 */
function readsFor(
  issuer: {
    liveDeployments: { chain: string }[];
    liveReserveAddresses: { chain: string }[];
    liveReserveFeeds: { chain: string }[];
    liveEndpoints: { adapter: string }[];
  },
  reader: ReaderStatus,
): boolean {
  if (reader.chain !== null)
    return [...issuer.liveDeployments, ...issuer.liveReserveAddresses, ...issuer.liveReserveFeeds].some((x) => x.chain === reader.chain);
  if (reader.family === "transparency") return issuer.liveEndpoints.some((e) => reader.reader === `transparency:${e.adapter}`);
  return true;
}

/**
 * Which readers are on, off (and why) or failing: the same for every issuer, so cached once (expired with the
 * live figures) rather than read again, four queries, by each issuer page that renders.
 */
async function readerStatus(): Promise<ReaderStatus[]> {
  "use cache";
  cacheTag(TAGS.live);
  cacheLife(PUBLISHED_DATA);
  return (await liveStatus(readDb())).readers;
}

export async function getIssuerLive(slug: string): Promise<IssuerLiveModel | null> {
  "use cache";
  if (!isSlug(slug)) return null;
  cacheTag(TAGS.live, TAGS.issuer(slug));
  cacheLife(PUBLISHED_DATA); // a refresh expires TAGS.live; each figure states when it was read
  const prisma = readDb();
  const issuer = await prisma.issuer.findUnique({
    where: { slug },
    select: {
      id: true,
      tokenSymbols: true,
      liveDeployments: { where: { enabled: true }, select: { chain: true, address: true, symbol: true, sourceUrl: true } },
      liveReserveAddresses: { where: { enabled: true }, select: { chain: true } },
      liveReserveFeeds: { where: { enabled: true }, select: { chain: true } },
      liveEndpoints: { where: { enabled: true }, select: { adapter: true } },
    },
  });
  if (!issuer) return null;
  const [readings, readers, latest] = await Promise.all([
    latestReadings(prisma, issuer.id),
    readerStatus(),
    prisma.attestation.findMany({
      where: { issuerId: issuer.id, state: "published" },
      orderBy: { asOf: "desc" },
      take: 12,
      select: { asOf: true, tokensOutstanding: true, totalReserves: true },
    }),
  ]);
  const figure = (r: (typeof readings)[number]): LiveFigure => ({
    label: r.label,
    chain: r.chain,
    amount: r.amount,
    blockNumber: r.blockNumber,
    slot: r.slot,
    readAt: iso(r.readAt),
    failure: r.latestFailure ? { error: r.latestFailure.error, at: r.latestFailure.at.toISOString() } : null,
  });
  const supply = readings.filter((r) => r.kind === "supply").map(figure);
  const read = supply.filter((s) => s.amount !== null);
  const supplyTotal = read.length
    ? {
        amount: read.reduce((sum, s) => sum.plus(s.amount!), new Decimal(0)).toFixed(),
        oldestReadAt: read.map((s) => s.readAt!).sort()[0]!,
        // every deployment we track has a value: otherwise the sum is a lower bound
        complete: read.length === issuer.liveDeployments.length,
      }
    : null;
  const withTokens = latest.find((a) => a.tokensOutstanding !== null);
  const withReserves = latest.find((a) => a.totalReserves !== null);
  const lastReport = withTokens
    ? {
        asOf: fromUtcDate(withTokens.asOf),
        tokens: withTokens.tokensOutstanding!.toFixed(),
        reserves: withReserves?.totalReserves?.toFixed() ?? null,
      }
    : null;
  const pct = (n: Decimal) => n.times(100).toDecimalPlaces(2).toFixed(2);
  const tokensChangePct =
    supplyTotal && lastReport?.tokens && !new Decimal(lastReport.tokens).isZero()
      ? pct(new Decimal(supplyTotal.amount).minus(lastReport.tokens).div(lastReport.tokens))
      : null;
  const reservesOverSupplyPct =
    supplyTotal && lastReport?.reserves && !new Decimal(supplyTotal.amount).isZero()
      ? pct(new Decimal(lastReport.reserves).div(supplyTotal.amount))
      : null;

  const token = issuer.tokenSymbols[0] ?? null;
  const series = token ? await dailySeries(prisma, issuer.id, token) : [];
  const stress = series.length
    ? await prisma.stressEvent.findMany({
        where: {
          issuerId: issuer.id,
          startDate: { gte: new Date(`${series[0]!.date}T00:00:00Z`), lte: new Date(`${series.at(-1)!.date}T00:00:00Z`) },
        },
        select: { startDate: true, kind: true },
      })
    : [];
  const peg = series.length
    ? {
        stressEvents: stress.map((e) => ({ date: fromUtcDate(e.startDate!), kind: e.kind })),
        token: token!,
        points: series.map((p) => ({ date: p.date, priceUsd: p.priceUsd, deviationBp: pegDeviationBp(p.priceUsd) })),
        episodes: detectDepegs(series, DEFAULT_DEPEG_POLICY).map((e) => ({
          startDate: e.startDate,
          endDate: e.endDate,
          lowestPrice: e.lowestPrice,
        })),
      }
    : null;
  return {
    computedAt: new Date().toISOString(),
    off: readers
      .filter((r) => !r.on && readsFor(issuer, r))
      .map((r) => ({ reader: r.reader, family: r.family, chain: r.chain, reason: r.reason ?? "", setting: r.setting })),
    deployments: issuer.liveDeployments,
    supply,
    supplyTotal,
    reserves: readings.filter((r) => r.kind === "reserve_feed" || r.kind === "reserve_balance").map(figure),
    issuerFigures: readings.filter((r) => r.kind === "issuer_figure").map(figure),
    lastReport,
    tokensChangePct,
    reservesOverSupplyPct,
    peg,
  };
}

/** Per issuer: the sum of the latest supply reading of every tracked deployment, and the oldest of those readings (the comparison table). */
export async function liveSupplyTotals(): Promise<LiveSupplyTotals> {
  "use cache";
  cacheTag(TAGS.live);
  cacheLife(PUBLISHED_DATA); // a refresh expires TAGS.live; each figure states when it was read
  const rows = await readDb().$queryRawUnsafe<{ slug: string; amount: string; oldest: Date; read: number; tracked: number }[]>(`
    WITH latest AS (
      SELECT DISTINCT ON (r.target_id) r.issuer_id, r.amount, r.read_at
      FROM live_reading r JOIN live_token_deployment d ON d.id = r.target_id AND d.enabled
      WHERE r.kind = 'supply' ORDER BY r.target_id, r.read_at DESC, r.id DESC)
    SELECT i.slug, trim_scale(sum(l.amount))::text AS amount, min(l.read_at) AS oldest, count(*)::int AS read,
      (SELECT count(*)::int FROM live_token_deployment d WHERE d.issuer_id = i.id AND d.enabled) AS tracked
    FROM latest l JOIN issuer i ON i.id = l.issuer_id GROUP BY i.id, i.slug`);
  return Object.fromEntries(
    rows.map((r) => [r.slug, { amount: r.amount, oldestReadAt: r.oldest.toISOString(), complete: r.read === r.tracked }]),
  );
}
