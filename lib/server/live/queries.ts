import "server-only";

// What the pages read: the last good value of every live figure of an issuer
// with its age (and the latest failure when it is newer), supply history, and
// the status of each reader (on/off and why, last success, last failure, breaker).
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { ADAPTERS } from "@/lib/live/adapters";
import { breakerLabel } from "@/lib/live/breaker";
import { chainFamily, rpcEnvName, rpcUrl, type LiveConfig } from "@/lib/live/config";
import type { ReadingKind } from "@/lib/live/types";

import { liveConfig } from "./config";

export interface LatestReading {
  kind: ReadingKind;
  targetId: string;
  metric: string;
  /** What was read: "USDT on ethereum", "TUSD Reserves feed", the endpoint's adapter. */
  label: string;
  chain: string | null;
  /** Exact decimal string; null when nothing was ever read (only a failure). */
  amount: string | null;
  raw: string | null;
  decimals: number | null;
  blockNumber: string | null;
  slot: string | null;
  sourceAsOf: Date | null;
  readAt: Date | null;
  ageSeconds: number | null;
  endpointId: string | null;
  responseSha256: string | null;
  /** The latest failure of this target when it is newer than the value shown. */
  latestFailure: { error: string; at: Date } | null;
}

type Row = {
  kind: ReadingKind;
  target_id: string;
  metric: string;
  chain: string | null;
  amount: string;
  raw: string | null;
  decimals: number | null;
  block_number: bigint | null;
  slot: bigint | null;
  source_as_of: Date | null;
  read_at: Date;
  endpoint_id: string;
  response_sha256: string;
};

async function labels(prisma: PrismaClient, issuerId: string) {
  const [deployments, addresses, feeds, endpoints] = await Promise.all([
    prisma.liveTokenDeployment.findMany({ where: { issuerId } }),
    prisma.liveReserveAddress.findMany({ where: { issuerId } }),
    prisma.liveReserveFeed.findMany({ where: { issuerId } }),
    prisma.liveTransparencyEndpoint.findMany({ where: { issuerId } }),
  ]);
  const map = new Map<string, { kind: ReadingKind; label: string; chain: string | null; metric: string }>();
  for (const d of deployments)
    map.set(d.id, { kind: "supply", label: `${d.symbol} on ${d.chain}`, chain: d.chain, metric: "total_supply" });
  for (const a of addresses)
    map.set(a.id, { kind: "reserve_balance", label: `${a.asset} held by ${a.label}`, chain: a.chain, metric: "balance" });
  for (const f of feeds) map.set(f.id, { kind: "reserve_feed", label: f.reports, chain: f.chain, metric: "answer" });
  for (const e of endpoints)
    map.set(e.id, { kind: "issuer_figure", label: ADAPTERS[e.adapter]?.describes ?? e.adapter, chain: null, metric: "" });
  return map;
}

/** Last good value of every live figure of an issuer, with its age; never a zero for a failure. */
export async function latestReadings(prisma: PrismaClient, issuerId: string, opts: { now?: Date } = {}): Promise<LatestReading[]> {
  const now = opts.now ?? new Date();
  const targets = await labels(prisma, issuerId);
  const rows = await prisma.$queryRaw<Row[]>(Prisma.sql`
    SELECT DISTINCT ON (target_id, metric)
      kind::text AS kind, target_id, metric, chain, amount::text AS amount, raw, decimals, block_number, slot,
      source_as_of, read_at, endpoint_id, response_sha256
    FROM live_reading WHERE issuer_id = ${issuerId}
    ORDER BY target_id, metric, read_at DESC, id DESC`);
  const failures = await prisma.$queryRaw<{ target_id: string; error: string; at: Date }[]>(Prisma.sql`
    SELECT DISTINCT ON (target_id) target_id, error, at FROM live_reading_failure
    WHERE issuer_id = ${issuerId} ORDER BY target_id, at DESC, id DESC`);
  const failureOf = new Map(failures.map((f) => [f.target_id, f]));
  const out: LatestReading[] = [];
  const seenTargets = new Set<string>();
  for (const r of rows) {
    const t = targets.get(r.target_id);
    if (!t) continue; // the record was deleted
    seenTargets.add(r.target_id);
    const f = failureOf.get(r.target_id);
    out.push({
      kind: r.kind,
      targetId: r.target_id,
      metric: r.metric,
      label: t.label,
      chain: r.chain,
      amount: normaliseNumeric(r.amount),
      raw: r.raw,
      decimals: r.decimals,
      blockNumber: r.block_number?.toString() ?? null,
      slot: r.slot?.toString() ?? null,
      sourceAsOf: r.source_as_of,
      readAt: r.read_at,
      ageSeconds: Math.max(0, Math.floor((now.getTime() - r.read_at.getTime()) / 1000)),
      endpointId: r.endpoint_id,
      responseSha256: r.response_sha256,
      latestFailure: f && f.at > r.read_at ? { error: f.error, at: f.at } : null,
    });
  }
  // Targets never read successfully: shown with their failure only.
  for (const [targetId, f] of failureOf) {
    const t = targets.get(targetId);
    if (!t || seenTargets.has(targetId)) continue;
    out.push({
      kind: t.kind,
      targetId,
      metric: t.metric,
      label: t.label,
      chain: t.chain,
      amount: null,
      raw: null,
      decimals: null,
      blockNumber: null,
      slot: null,
      sourceAsOf: null,
      readAt: null,
      ageSeconds: null,
      endpointId: null,
      responseSha256: null,
      latestFailure: { error: f.error, at: f.at },
    });
  }
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label) || a.metric.localeCompare(b.metric));
}

/** numeric(78,18) as text has 18 fraction digits: drop the trailing zeros. */
function normaliseNumeric(text: string): string {
  if (!text.includes(".")) return text;
  const t = text.replace(/0+$/, "").replace(/\.$/, "");
  return t === "-0" ? "0" : t;
}

/** Stored supply history of an issuer's deployments (for charts): every reading, oldest first. */
export async function supplyHistory(prisma: PrismaClient, issuerId: string, opts: { since?: Date } = {}) {
  const rows = await prisma.liveReading.findMany({
    where: { issuerId, kind: "supply", metric: "total_supply", ...(opts.since ? { readAt: { gte: opts.since } } : {}) },
    orderBy: [{ readAt: "asc" }, { id: "asc" }],
    select: { targetId: true, chain: true, amount: true, blockNumber: true, slot: true, readAt: true },
  });
  return rows.map((r) => ({
    ...r,
    amount: normaliseNumeric(r.amount.toFixed(18)),
    blockNumber: r.blockNumber?.toString() ?? null,
    slot: r.slot?.toString() ?? null,
  }));
}

export interface ReaderStatus {
  /** "evm:ethereum", "tron", "solana", "transparency:<adapter>", "prices" */
  reader: string;
  family: "evm" | "tron" | "solana" | "transparency" | "prices";
  chain: string | null;
  on: boolean;
  /** Why it is off (the variable to set), when it is: for operators, in English. */
  reason: string | null;
  /** What would turn it on, as the setting to give (a variable name, language-neutral); null when no setting would. */
  setting: string | null;
  lastSuccessAt: Date | null;
  lastFailure: { at: Date; error: string } | null;
  breaker: "closed" | "open" | "half-open";
  consecutiveFailures: number;
  nextProbeAt: Date | null;
}

export interface LiveStatus {
  readers: ReaderStatus[];
  /** Newest reading per kind, for /api/health and the API's meta. */
  freshness: Record<ReadingKind, { lastReadAt: Date | null; ageSeconds: number | null }>;
  configProblems: string[];
  refreshCron: string;
  jobsInApp: boolean;
}

/** Per reader: on/off and why, last success, last failure, breaker state. */
export async function liveStatus(prisma: PrismaClient, opts: { now?: Date; config?: LiveConfig } = {}): Promise<LiveStatus> {
  const now = opts.now ?? new Date();
  const config = opts.config ?? liveConfig();
  const [chains, endpoints, breakers, fresh] = await Promise.all([
    prisma.$queryRaw<{ chain: string }[]>(Prisma.sql`
      SELECT chain FROM live_token_deployment WHERE enabled UNION SELECT chain FROM live_reserve_address WHERE enabled
      UNION SELECT chain FROM live_reserve_feed WHERE enabled`),
    prisma.liveTransparencyEndpoint.findMany({ where: { enabled: true }, select: { id: true, adapter: true } }),
    prisma.liveBreaker.findMany(),
    prisma.$queryRaw<{ kind: ReadingKind; last: Date }[]>(
      Prisma.sql`SELECT kind::text AS kind, max(read_at) AS last FROM live_reading GROUP BY kind`,
    ),
  ]);
  const breakerOf = new Map(breakers.map((b) => [b.endpointId, b]));
  const allChains = new Set([...chains.map((c) => c.chain), ...Object.keys(config.rpcUrls).map((k) => k.replace(/_/g, "-"))]);
  const readers: ReaderStatus[] = [];
  const fromBreakers = (ids: string[]) => {
    const bs = ids.map((id) => breakerOf.get(id)).filter((b): b is NonNullable<typeof b> => !!b);
    const lastSuccessAt = bs.reduce<Date | null>(
      (acc, b) => (b.lastSuccessAt && (!acc || b.lastSuccessAt > acc) ? b.lastSuccessAt : acc),
      null,
    );
    const failing = bs.filter((b) => b.lastFailureAt).sort((a, b) => b.lastFailureAt!.getTime() - a.lastFailureAt!.getTime())[0];
    const worst = bs.sort((a, b) => b.consecutiveFailures - a.consecutiveFailures)[0];
    const state = worst
      ? { consecutiveFailures: worst.consecutiveFailures, openedAt: worst.openedAt, nextProbeAt: worst.nextProbeAt }
      : null;
    return {
      lastSuccessAt,
      lastFailure: failing?.lastFailureAt ? { at: failing.lastFailureAt, error: failing.lastError ?? "" } : null,
      breaker: breakerLabel(state, now),
      consecutiveFailures: worst?.consecutiveFailures ?? 0,
      nextProbeAt: worst?.nextProbeAt ?? null,
    };
  };
  for (const chain of [...allChains].sort()) {
    const family = chainFamily(chain);
    if (!family) {
      readers.push({
        reader: `unsupported:${chain}`,
        family: "evm",
        chain,
        on: false,
        reason: `no reader for ${chain}`,
        setting: null,
        ...fromBreakers([]),
      });
      continue;
    }
    const url = rpcUrl(config, chain);
    readers.push({
      reader: family === "evm" ? `evm:${chain}` : family,
      family,
      chain,
      on: !!url,
      reason: url ? null : `${rpcEnvName(chain)} is not set`,
      setting: url ? null : rpcEnvName(chain),
      ...fromBreakers([`rpc:${chain}`]),
    });
  }
  const byAdapter = new Map<string, string[]>();
  for (const e of endpoints) byAdapter.set(e.adapter, [...(byAdapter.get(e.adapter) ?? []), `endpoint:${e.id}`]);
  for (const [adapter, ids] of [...byAdapter.entries()].sort()) {
    const known = !!ADAPTERS[adapter];
    const on = known && config.issuerEndpoints;
    const reason = !known
      ? `no adapter named ${adapter}`
      : config.issuerEndpoints
        ? null
        : "issuers' transparency pages are not fetched: set LIVE_ISSUER_ENDPOINTS=true";
    const setting = known && !on ? "LIVE_ISSUER_ENDPOINTS=true" : null;
    readers.push({ reader: `transparency:${adapter}`, family: "transparency", chain: null, on, reason, setting, ...fromBreakers(ids) });
  }
  readers.push({
    reader: "prices",
    family: "prices",
    chain: null,
    on: !!config.priceApi,
    reason: config.priceApi ? null : config.priceApiProblem,
    setting: config.priceApi ? null : "PRICE_API_URL, PRICE_API_KIND",
    ...fromBreakers(config.priceApi ? [`price:${config.priceApi.kind}`] : []),
  });
  const kinds: ReadingKind[] = ["supply", "reserve_balance", "reserve_feed", "issuer_figure"];
  const freshness = Object.fromEntries(
    kinds.map((k) => {
      const last = fresh.find((f) => f.kind === k)?.last ?? null;
      return [k, { lastReadAt: last, ageSeconds: last ? Math.max(0, Math.floor((now.getTime() - last.getTime()) / 1000)) : null }];
    }),
  ) as LiveStatus["freshness"];
  return { readers, freshness, configProblems: config.problems, refreshCron: config.refreshCron, jobsInApp: config.jobsInApp };
}
