import "server-only";

import fs from "node:fs";
import path from "node:path";

// Daily prices: CSV import (all rows or none) and the depeg detector that
// opens draft stress events (StressEventDraft) for editors. Nothing here
// publishes anything: an editor publishes or dismisses a draft.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { fromUtcDate } from "@/lib/domain/dates";
import { parseCsv } from "@/lib/domain/import/read-csv";
import { breakerDecision } from "@/lib/live/breaker";
import type { LiveConfig } from "@/lib/live/config";
import { detectDepegs, type DepegPolicy, type PricePoint } from "@/lib/live/depeg";
import { fetchText } from "@/lib/live/http";
import { parsePriceResponse, priceRequestUrl, type DailyPrice } from "@/lib/live/price-api";
import { parsePriceCsv, type CsvProblem } from "@/lib/live/prices-csv";

import { loadBreaker, recordFailure, recordSuccess } from "./breaker-store";
import { liveConfig } from "./config";
import { LIVE_SOURCES_DIR } from "./sources";

export type PriceImportResult = { ok: true; stored: number; drafts: DraftChange[] } | { ok: false; problems: CsvProblem[] };

export interface DraftChange {
  draftId: string;
  issuerId: string;
  token: string;
  startDate: string;
  endDate: string;
  change: "opened" | "extended" | "unchanged";
}

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => fromUtcDate(d);

/** A client or a transaction's client: the detector and the import run in the caller's transaction when given one. */
type Db = PrismaClient | Prisma.TransactionClient;

/**
 * A price CSV in the caller's transaction: every row checked (all or none), stored, then the depeg detector run
 * on each series it touched, so the prices and the drafts they open commit together. The editor's import runs it
 * inside its command (lib/server/commands/prices.ts).
 */
export async function importPriceCsvIn(
  tx: Prisma.TransactionClient,
  input: string | Buffer,
  opts: { now?: Date; policy?: DepegPolicy } = {},
): Promise<PriceImportResult> {
  const now = opts.now ?? new Date();
  const issuers = new Map((await tx.issuer.findMany({ select: { id: true, slug: true } })).map((i) => [i.slug, i.id]));
  const parsed = parsePriceCsv(input, { today: iso(now), knownIssuers: new Set(issuers.keys()) });
  if (!parsed.ok) return parsed;
  const rows = parsed.rows;
  for (const r of rows) {
    const issuerId = issuers.get(r.issuer)!;
    await tx.livePrice.upsert({
      where: { issuerId_token_date_source: { issuerId, token: r.token, date: day(r.date), source: r.source } },
      create: { issuerId, token: r.token, date: day(r.date), priceUsd: r.priceUsd, source: r.source },
      update: { priceUsd: r.priceUsd, importedAt: now },
    });
  }
  const series = new Set(rows.map((r) => `${issuers.get(r.issuer)!}|${r.token}`));
  const drafts: DraftChange[] = [];
  for (const key of series) {
    const [issuerId, token] = key.split("|") as [string, string];
    drafts.push(...(await detectAndOpenDrafts(tx, issuerId, token, { policy: opts.policy, now })));
  }
  return { ok: true, stored: rows.length, drafts };
}

/** The same in a transaction of its own (scripts and tests; the editor's import goes through its command). */
export async function importPriceCsv(
  prisma: PrismaClient,
  input: string | Buffer,
  opts: { now?: Date; policy?: DepegPolicy } = {},
): Promise<PriceImportResult> {
  return prisma.$transaction((tx) => importPriceCsvIn(tx, input, opts), PRICE_IMPORT_TX);
}

/** Years of daily prices for several tokens are thousands of upserts: longer than a form's write. */
export const PRICE_IMPORT_TX = { timeout: 300_000, maxWait: 10_000 } as const;

/** One price per day for a token: when several sources give one, the first source by name. */
export async function dailySeries(prisma: Db, issuerId: string, token: string): Promise<PricePoint[]> {
  const rows = await prisma.$queryRaw<{ date: Date; price: string; source: string }[]>(Prisma.sql`
    SELECT DISTINCT ON (date) date, price_usd::text AS price, source FROM live_price
    WHERE issuer_id = ${issuerId} AND token = ${token} ORDER BY date, source`);
  return rows.map((r) => ({ date: iso(r.date), priceUsd: r.price.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, ""), source: r.source }));
}

/**
 * Runs the detector on a token's whole stored series and opens one draft per
 * sustained episode. An episode that overlaps or touches an existing draft
 * (open, dismissed or published) updates that open draft instead of opening
 * another, so re-imports and later days never duplicate one.
 */
export async function detectAndOpenDrafts(
  prisma: Db,
  issuerId: string,
  token: string,
  opts: { policy?: DepegPolicy; now?: Date } = {},
): Promise<DraftChange[]> {
  const policy = opts.policy ?? liveConfig().depeg;
  const episodes = detectDepegs(await dailySeries(prisma, issuerId, token), policy);
  const changes: DraftChange[] = [];
  for (const ep of episodes) {
    const start = day(ep.startDate);
    const end = day(ep.endDate);
    const dayBefore = new Date(start.getTime() - 86_400_000);
    const dayAfter = new Date(end.getTime() + 86_400_000);
    const existing = await prisma.stressEventDraft.findFirst({
      where: {
        issuerId,
        token,
        kind: "depeg",
        startDate: { lte: dayAfter },
        OR: [{ endDate: null }, { endDate: { gte: dayBefore } }],
      },
      orderBy: { startDate: "asc" },
    });
    const data = {
      startDate: start,
      endDate: end,
      lowestPrice: ep.lowestPrice,
      maxDeviationBp: ep.maxDeviationBp,
      bandBp: policy.bandBp,
      points: ep.points.map((p) => ({ date: p.date, priceUsd: p.priceUsd, deviationBp: p.deviationBp, source: p.source ?? null })),
    };
    if (!existing) {
      const created = await prisma.stressEventDraft.create({ data: { issuerId, token, kind: "depeg", ...data } });
      changes.push({ draftId: created.id, issuerId, token, startDate: ep.startDate, endDate: ep.endDate, change: "opened" });
    } else if (
      existing.status === "open" &&
      (iso(existing.startDate) !== ep.startDate || !existing.endDate || iso(existing.endDate) !== ep.endDate)
    ) {
      await prisma.stressEventDraft.update({ where: { id: existing.id }, data });
      changes.push({ draftId: existing.id, issuerId, token, startDate: ep.startDate, endDate: ep.endDate, change: "extended" });
    } else {
      changes.push({ draftId: existing.id, issuerId, token, startDate: ep.startDate, endDate: ep.endDate, change: "unchanged" });
    }
  }
  return changes;
}

/** Open drafts for the editor queue, newest first. */
export async function openStressDrafts(prisma: PrismaClient) {
  return prisma.stressEventDraft.findMany({
    where: { status: "open" },
    orderBy: { createdAt: "desc" },
    include: { issuer: { select: { slug: true, name: true } } },
  });
}

// --- price API poller -------------------------------------------------------------

export interface PricePollSummary {
  status: "read" | "off" | "breaker-open" | "failed";
  reason?: string;
  stored: number;
  drafts: DraftChange[];
}

/** data/live-sources/price_ids.csv: which CoinGecko id prices which issuer's token. */
export function readPriceIds(dir = LIVE_SOURCES_DIR): { issuer: string; token: string; geckoId: string }[] {
  const file = path.join(dir, "price_ids.csv");
  if (!fs.existsSync(file)) return [];
  return parseCsv(fs.readFileSync(file)).rows.map((r) => ({
    issuer: (r.issuer ?? "").trim(),
    token: (r.token ?? "").trim(),
    geckoId: (r.gecko_id ?? "").trim(),
  }));
}

/**
 * Polls the configured price API (PRICE_API_URL + PRICE_API_KIND) for every
 * token in price_ids.csv whose issuer is in the database, stores daily prices
 * (source = the API kind) and runs the depeg detector. Timeouts, the breaker
 * and Retry-After apply as for every other endpoint.
 */
export async function pollPrices(
  prisma: PrismaClient,
  opts: { now?: Date; config?: LiveConfig; days?: number; dir?: string } = {},
): Promise<PricePollSummary> {
  const config = opts.config ?? liveConfig();
  const now = opts.now ?? new Date();
  if (!config.priceApi) return { status: "off", reason: config.priceApiProblem ?? "not configured", stored: 0, drafts: [] };
  const { kind, url } = config.priceApi;
  const endpointId = `price:${kind}`;
  if (breakerDecision(await loadBreaker(prisma, endpointId), now) === "open") return { status: "breaker-open", stored: 0, drafts: [] };
  const issuers = new Map((await prisma.issuer.findMany({ select: { id: true, slug: true } })).map((i) => [i.slug, i.id]));
  const wanted = readPriceIds(opts.dir).filter((p) => issuers.has(p.issuer));
  const requests = kind === "defillama-stablecoinprices" ? [wanted.map((w) => w.geckoId)] : wanted.map((w) => [w.geckoId]);
  const prices: DailyPrice[] = [];
  try {
    for (const ids of requests) {
      if (ids.length === 0) continue;
      const res = await fetchText(priceRequestUrl(kind, url, ids[0]!, opts.days ?? 30), {
        timeoutMs: config.rpcTimeoutMs,
        now,
        headers: { accept: "application/json" },
      });
      if (!res.ok) {
        const error = `HTTP ${res.status}${res.retryAfter ? ` (retry after ${res.retryAfter.toISOString()})` : ""}`;
        await recordFailure(prisma, endpointId, now, error, config.breaker, res.retryAfter);
        return { status: "failed", reason: error, stored: 0, drafts: [] };
      }
      const parsed = parsePriceResponse(kind, res.body, ids);
      if (!parsed.ok) throw new Error(parsed.error);
      prices.push(...parsed.prices);
    }
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await recordFailure(prisma, endpointId, now, error, config.breaker);
    return { status: "failed", reason: error, stored: 0, drafts: [] };
  }
  const today = fromUtcDate(now);
  const rows = prices.flatMap((p) =>
    wanted
      .filter((w) => w.geckoId === p.geckoId && p.date <= today)
      .map((w) => ({ issuerId: issuers.get(w.issuer)!, token: w.token, date: p.date, priceUsd: p.priceUsd })),
  );
  await prisma.$transaction(async (tx) => {
    for (const r of rows)
      await tx.livePrice.upsert({
        where: { issuerId_token_date_source: { issuerId: r.issuerId, token: r.token, date: day(r.date), source: kind } },
        create: { issuerId: r.issuerId, token: r.token, date: day(r.date), priceUsd: r.priceUsd, source: kind },
        update: { priceUsd: r.priceUsd, importedAt: now },
      });
  });
  await recordSuccess(prisma, endpointId, now);
  const drafts: DraftChange[] = [];
  for (const key of new Set(rows.map((r) => `${r.issuerId}|${r.token}`))) {
    const [issuerId, token] = key.split("|") as [string, string];
    drafts.push(...(await detectAndOpenDrafts(prisma, issuerId, token, { policy: config.depeg, now })));
  }
  return { status: "read", stored: rows.length, drafts };
}
