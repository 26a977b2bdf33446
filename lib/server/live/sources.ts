import "server-only";

// loadLiveSources: the shipped live-source content (data/live-sources/*.csv)
// into the database, idempotently: missing rows are added, existing rows
// (editors may have changed them) are left alone. Every row is checked first;
// a bad row stops the load with its file, line and column, nothing written.
import fs from "node:fs";
import path from "node:path";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CsvSyntaxError, parseCsv } from "@/lib/domain/import/read-csv";
import { ADAPTERS } from "@/lib/live/adapters";
import { chainFamily } from "@/lib/live/config";
import { evmAddress } from "@/lib/live/readers/evm";
import { tronToHex } from "@/lib/live/tron-address";

export const LIVE_SOURCES_DIR = path.join(process.cwd(), "data", "live-sources");

export interface LoadSummary {
  added: { deployments: number; reserveAddresses: number; reserveFeeds: number; endpoints: number };
  /** Rows whose issuer slug is not in this database (e.g. the demo set is loaded). */
  skippedIssuers: string[];
}

export class LiveSourcesError extends Error {}

function validAddress(chain: string, address: string): boolean {
  const family = chainFamily(chain);
  if (family === "evm") return evmAddress(address) !== null;
  if (family === "tron") {
    try {
      tronToHex(address);
      return true;
    } catch {
      return false;
    }
  }
  if (family === "solana") return /^[1-9A-HJ-NP-Za-km-z]{32,44}$/.test(address);
  return false;
}

function read(dir: string, file: string) {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) return { headers: [], rows: [], lines: [] };
  try {
    return parseCsv(fs.readFileSync(full));
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new LiveSourcesError(`${file}, line ${err.line}: ${err.message}; nothing was loaded`);
    throw err;
  }
}

export async function loadLiveSources(prisma: PrismaClient, dir = LIVE_SOURCES_DIR): Promise<LoadSummary> {
  const issuers = new Map((await prisma.issuer.findMany({ select: { id: true, slug: true } })).map((i) => [i.slug, i.id]));
  const problems: string[] = [];
  const skipped = new Set<string>();
  const need = (file: string, line: number, column: string, ok: boolean, message: string) => {
    if (!ok) problems.push(`${file}, line ${line}, column ${column}: ${message}`);
    return ok;
  };
  const issuerOf = (slug: string) => {
    const id = issuers.get(slug);
    if (!id) skipped.add(slug);
    return id;
  };
  const int = (s: string | undefined) => (s && /^\d{1,2}$/.test(s.trim()) ? Number(s) : null);

  const dep = read(dir, "deployments.csv");
  const deployments = dep.rows.flatMap((r, i) => {
    const line = dep.lines[i] ?? i + 2;
    const chain = (r.chain ?? "").trim().toLowerCase();
    const rawAddress = (r.address ?? "").trim();
    // EVM addresses are stored lower-case so one contract is one record whatever case a source used.
    const address = chainFamily(chain) === "evm" ? rawAddress.toLowerCase() : rawAddress;
    const decimals = int(r.decimals);
    let ok = need("deployments.csv", line, "chain", chainFamily(chain) !== null, `no reader for chain "${chain}"`);
    ok = need("deployments.csv", line, "address", ok && validAddress(chain, address), `not a ${chain} address: "${address}"`) && ok;
    ok = need("deployments.csv", line, "decimals", decimals !== null && decimals <= 36, `decimals must be a whole number 0-36`) && ok;
    ok = need("deployments.csv", line, "compiled_from", !!r.compiled_from?.trim(), "compiled_from is empty") && ok;
    const issuerId = issuerOf((r.issuer ?? "").trim());
    if (!ok || !issuerId) return [];
    return [
      {
        issuerId,
        chain,
        address,
        decimals: decimals!,
        symbol: (r.symbol ?? "").trim(),
        note: r.note?.trim() || null,
        sourceUrl: r.source_url?.trim() || null,
        compiledFrom: r.compiled_from!.trim(),
      },
    ];
  });

  const ra = read(dir, "reserve_addresses.csv");
  const reserveAddresses = ra.rows.flatMap((r, i) => {
    const line = ra.lines[i] ?? i + 2;
    const chain = (r.chain ?? "").trim().toLowerCase();
    const decimals = int(r.asset_decimals);
    let ok = need("reserve_addresses.csv", line, "address", validAddress(chain, (r.address ?? "").trim()), `not a ${chain} address`);
    ok =
      need("reserve_addresses.csv", line, "asset_address", validAddress(chain, (r.asset_address ?? "").trim()), `not a ${chain} address`) &&
      ok;
    ok = need("reserve_addresses.csv", line, "asset_decimals", decimals !== null, "asset_decimals must be a whole number") && ok;
    ok = need("reserve_addresses.csv", line, "compiled_from", !!r.compiled_from?.trim(), "compiled_from is empty") && ok;
    const issuerId = issuerOf((r.issuer ?? "").trim());
    if (!ok || !issuerId) return [];
    return [
      {
        issuerId,
        chain,
        address: r.address!.trim(),
        asset: (r.asset ?? "").trim(),
        assetAddress: r.asset_address!.trim(),
        assetDecimals: decimals!,
        label: (r.label ?? "").trim(),
        sourceUrl: r.source_url?.trim() || null,
        compiledFrom: r.compiled_from!.trim(),
      },
    ];
  });

  const rf = read(dir, "reserve_feeds.csv");
  const reserveFeeds = rf.rows.flatMap((r, i) => {
    const line = rf.lines[i] ?? i + 2;
    const chain = (r.chain ?? "").trim().toLowerCase();
    const decimalsText = (r.decimals ?? "").trim();
    const decimals = decimalsText === "" ? null : int(decimalsText);
    let ok = need("reserve_feeds.csv", line, "feed_address", validAddress(chain, (r.feed_address ?? "").trim()), `not a ${chain} address`);
    ok =
      need(
        "reserve_feeds.csv",
        line,
        "decimals",
        decimalsText === "" || decimals !== null,
        "decimals must be empty (read at run time) or a whole number",
      ) && ok;
    ok = need("reserve_feeds.csv", line, "reports", !!r.reports?.trim(), "say what the feed reports") && ok;
    ok = need("reserve_feeds.csv", line, "compiled_from", !!r.compiled_from?.trim(), "compiled_from is empty") && ok;
    const issuerId = issuerOf((r.issuer ?? "").trim());
    if (!ok || !issuerId) return [];
    return [
      {
        issuerId,
        chain,
        feedAddress: r.feed_address!.trim(),
        decimals,
        reports: r.reports!.trim(),
        unit: r.unit?.trim() || "USD",
        sourceUrl: r.source_url?.trim() || null,
        compiledFrom: r.compiled_from!.trim(),
      },
    ];
  });

  const te = read(dir, "transparency_endpoints.csv");
  const endpoints = te.rows.flatMap((r, i) => {
    const line = te.lines[i] ?? i + 2;
    const adapter = (r.adapter ?? "").trim();
    let ok = need("transparency_endpoints.csv", line, "adapter", !!ADAPTERS[adapter], `no adapter named "${adapter}"`);
    ok = need("transparency_endpoints.csv", line, "url", /^https?:\/\//.test((r.url ?? "").trim()), "url must be http(s)") && ok;
    ok = need("transparency_endpoints.csv", line, "compiled_from", !!r.compiled_from?.trim(), "compiled_from is empty") && ok;
    const issuerId = issuerOf((r.issuer ?? "").trim());
    if (!ok || !issuerId) return [];
    return [{ issuerId, adapter, url: r.url!.trim(), sourceUrl: r.source_url?.trim() || null, compiledFrom: r.compiled_from!.trim() }];
  });

  if (problems.length)
    throw new LiveSourcesError(`The live sources in ${dir} have problems; nothing was loaded:\n  ${problems.join("\n  ")}`);

  const result = await prisma.$transaction(async (tx) => ({
    deployments: (await tx.liveTokenDeployment.createMany({ data: deployments, skipDuplicates: true })).count,
    reserveAddresses: (await tx.liveReserveAddress.createMany({ data: reserveAddresses, skipDuplicates: true })).count,
    reserveFeeds: (await tx.liveReserveFeed.createMany({ data: reserveFeeds, skipDuplicates: true })).count,
    endpoints: (await tx.liveTransparencyEndpoint.createMany({ data: endpoints, skipDuplicates: true })).count,
  }));
  return { added: result, skippedIssuers: [...skipped].sort() };
}
