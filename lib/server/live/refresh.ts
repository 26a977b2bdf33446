import "server-only";

// refreshLive: reads every enabled deployment, reserve address, feed and
// issuer endpoint once, batched per chain (one reader call per chain), stores
// each reading and each failure. A failure never writes a value: the last good
// reading stays the latest one. Chains without RPC_URL_<CHAIN> are "off".
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ADAPTERS } from "@/lib/live/adapters";
import { breakerDecision } from "@/lib/live/breaker";
import { chainFamily, rpcUrl, type LiveConfig } from "@/lib/live/config";
import { sha256Hex } from "@/lib/live/hash";
import { fetchText } from "@/lib/live/http";
import { EvmReader } from "@/lib/live/readers/evm";
import { SolanaReader } from "@/lib/live/readers/solana";
import { TronReader } from "@/lib/live/readers/tron";
import { errorText, type ChainTarget, type LiveReader, type ReadingKind, type ReadResult } from "@/lib/live/types";

import { loadBreaker, recordFailure, recordSuccess } from "./breaker-store";
import { liveConfig } from "./config";

export interface RefreshOptions {
  now?: Date;
  config?: LiveConfig;
  /** Counts HTTP requests per endpoint (bench, tests). */
  onRequest?: (endpointId: string) => void;
  /** Multicall3 elsewhere than the canonical address (tests only). */
  multicallAddress?: `0x${string}`;
  /** Read only these issuers (tests, a manual refresh of one issuer). */
  issuerIds?: string[];
}

export interface ChainSummary {
  chain: string;
  endpointId: string;
  status: "read" | "off" | "unsupported" | "breaker-open";
  reason?: string;
  targets: number;
  ok: number;
  failed: number;
}

export interface RefreshSummary {
  startedAt: Date;
  chains: ChainSummary[];
  endpoints: { endpointId: string; adapter: string; status: "read" | "failed" | "breaker-open"; error?: string }[];
  readings: number;
  failures: number;
}

type Owned = ChainTarget & { issuerId: string; chain: string };

export async function refreshLive(prisma: PrismaClient, opts: RefreshOptions = {}): Promise<RefreshSummary> {
  const config = opts.config ?? liveConfig();
  const startedAt = opts.now ?? new Date();
  // Readings are timed by the clock unless a test fixes it.
  const clock = () => (opts.now ? new Date(opts.now) : new Date());
  const issuerFilter = opts.issuerIds ? { issuerId: { in: opts.issuerIds } } : {};
  const [deployments, addresses, feeds, endpoints] = await Promise.all([
    prisma.liveTokenDeployment.findMany({ where: { enabled: true, ...issuerFilter } }),
    prisma.liveReserveAddress.findMany({ where: { enabled: true, ...issuerFilter } }),
    prisma.liveReserveFeed.findMany({ where: { enabled: true, ...issuerFilter } }),
    prisma.liveTransparencyEndpoint.findMany({ where: { enabled: true, ...issuerFilter } }),
  ]);

  const byChain = new Map<string, Owned[]>();
  const add = (t: Owned) => {
    const list = byChain.get(t.chain) ?? [];
    list.push(t);
    byChain.set(t.chain, list);
  };
  for (const d of deployments)
    add({ kind: "supply", id: d.id, issuerId: d.issuerId, chain: d.chain, address: d.address, decimals: d.decimals });
  for (const a of addresses)
    add({
      kind: "reserve_balance",
      id: a.id,
      issuerId: a.issuerId,
      chain: a.chain,
      holder: a.address,
      token: a.assetAddress,
      decimals: a.assetDecimals,
    });
  for (const f of feeds)
    add({ kind: "reserve_feed", id: f.id, issuerId: f.issuerId, chain: f.chain, feed: f.feedAddress, decimals: f.decimals });

  const summary: RefreshSummary = { startedAt, chains: [], endpoints: [], readings: 0, failures: 0 };

  const store = async (
    results: ReadResult[],
    owners: Map<string, Owned | { issuerId: string; kind: ReadingKind; chain: string | null }>,
    endpointId: string,
  ) => {
    const readingRows = [];
    const failureRows = [];
    for (const r of results) {
      const owner = owners.get(r.targetId);
      if (!owner) continue;
      if (r.ok) {
        for (const x of r.readings)
          readingRows.push({
            kind: x.kind,
            issuerId: owner.issuerId,
            targetId: x.targetId,
            metric: x.metric,
            chain: owner.chain,
            blockNumber: x.blockNumber,
            slot: x.slot,
            raw: x.raw,
            decimals: x.decimals,
            amount: x.amount,
            sourceAsOf: x.sourceAsOf,
            endpointId,
            responseSha256: x.responseSha256,
            readAt: x.readAt,
          });
      } else {
        failureRows.push({
          kind: owner.kind,
          issuerId: owner.issuerId,
          targetId: r.targetId,
          chain: owner.chain,
          endpointId,
          error: r.error.slice(0, 2000),
          at: r.at,
        });
      }
    }
    if (readingRows.length) await prisma.liveReading.createMany({ data: readingRows });
    if (failureRows.length) await prisma.liveReadingFailure.createMany({ data: failureRows });
    summary.readings += readingRows.length;
    summary.failures += failureRows.length;
    return { ok: results.filter((r) => r.ok).length, failed: failureRows.length, firstError: results.find((r) => !r.ok) };
  };

  const chainJobs = [...byChain.entries()].map(async ([chain, targets]) => {
    const endpointId = `rpc:${chain}`;
    const family = chainFamily(chain);
    const base = { chain, endpointId, targets: targets.length, ok: 0, failed: 0 };
    if (!family) return summary.chains.push({ ...base, status: "unsupported", reason: `no reader for ${chain}` });
    const url = rpcUrl(config, chain);
    if (!url)
      return summary.chains.push({
        ...base,
        status: "off",
        reason: `${"RPC_URL_" + chain.toUpperCase().replace(/[^A-Z0-9]/g, "_")} is not set`,
      });
    const now = clock();
    const decision = breakerDecision(await loadBreaker(prisma, endpointId), now);
    if (decision === "open")
      return summary.chains.push({ ...base, status: "breaker-open", reason: "too many consecutive failures; waiting for the next probe" });
    const readerOptions = { url, timeoutMs: config.rpcTimeoutMs, now: clock, onRequest: () => opts.onRequest?.(endpointId) };
    const reader: LiveReader<ChainTarget> =
      family === "evm"
        ? new EvmReader({ ...readerOptions, multicallAddress: opts.multicallAddress })
        : family === "tron"
          ? new TronReader(readerOptions)
          : new SolanaReader(readerOptions);
    let results: ReadResult[];
    try {
      results = await reader.read(targets);
    } catch (err) {
      const at = clock();
      results = targets.map((t) => ({ targetId: t.id, ok: false as const, error: errorText(err), at }));
    }
    const owners = new Map(targets.map((t) => [t.id, t]));
    const stored = await store(results, owners, endpointId);
    // The endpoint is healthy when anything was read; one broken contract does not open its breaker.
    if (stored.ok > 0) await recordSuccess(prisma, endpointId, clock());
    else if (stored.firstError && !stored.firstError.ok)
      await recordFailure(prisma, endpointId, clock(), stored.firstError.error, config.breaker);
    summary.chains.push({ ...base, status: "read", ok: stored.ok, failed: stored.failed });
  });

  const endpointJobs = (config.issuerEndpoints ? endpoints : []).map(async (e) => {
    const endpointId = `endpoint:${e.id}`;
    const now = clock();
    if (breakerDecision(await loadBreaker(prisma, endpointId), now) === "open") {
      summary.endpoints.push({ endpointId, adapter: e.adapter, status: "breaker-open" });
      return;
    }
    const owner = new Map([[e.id, { issuerId: e.issuerId, kind: "issuer_figure" as const, chain: null }]]);
    const adapter = ADAPTERS[e.adapter];
    let result: ReadResult;
    let retryAfter: Date | null = null;
    try {
      if (!adapter) throw new Error(`no adapter named "${e.adapter}"`);
      opts.onRequest?.(endpointId);
      const fetched = await fetchText(e.url, { timeoutMs: config.rpcTimeoutMs, now });
      retryAfter = fetched.retryAfter;
      if (!fetched.ok) throw new Error(`HTTP ${fetched.status}${retryAfter ? ` (retry after ${retryAfter.toISOString()})` : ""}`);
      const parsed = adapter.parse(fetched.body);
      if (!parsed.ok) throw new Error(`${e.adapter}: ${parsed.error}`);
      const sha = sha256Hex(fetched.body);
      const at = clock();
      result = {
        targetId: e.id,
        ok: true,
        readings: parsed.figures.map((f) => ({
          targetId: e.id,
          kind: "issuer_figure" as const,
          metric: f.metric,
          raw: null,
          decimals: null,
          amount: f.amount,
          blockNumber: null,
          slot: null,
          sourceAsOf: f.sourceAsOf,
          responseSha256: sha,
          readAt: at,
        })),
      };
    } catch (err) {
      result = { targetId: e.id, ok: false, error: errorText(err), at: clock() };
    }
    await store([result], owner, endpointId);
    if (result.ok) {
      await recordSuccess(prisma, endpointId, clock());
      summary.endpoints.push({ endpointId, adapter: e.adapter, status: "read" });
    } else {
      await recordFailure(prisma, endpointId, clock(), result.error, config.breaker, retryAfter);
      summary.endpoints.push({ endpointId, adapter: e.adapter, status: "failed", error: result.error });
    }
  });

  await Promise.all([...chainJobs, ...endpointJobs]);
  summary.chains.sort((a, b) => a.chain.localeCompare(b.chain));
  return summary;
}
