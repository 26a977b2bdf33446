// Live signals against a real EVM node (anvil from npm): ERC-20 supplies,
// reserve-address balances and a Chainlink-style reserve feed read in ONE
// batched HTTP request per chain; mint and burn in the stored history; the node
// stopped: last good value kept, failure recorded, breaker opens, then closes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseLiveConfig } from "@/lib/live/config";
import { latestReadings, liveStatus, supplyHistory } from "@/lib/server/live/queries";
import { refreshLive } from "@/lib/server/live/refresh";

import { makeIssuer, testPrisma } from "../support/db";
import { burn, deployAggregator, deployToken, dumpState, mint, setMulticall3, startAnvil, type Anvil } from "../support/live-anvil";
import { startRpcProxy, type RpcProxy } from "../support/live-rpc-proxy";

const prisma = testPrisma();
let anvil: Anvil;
let proxy: RpcProxy;
let issuerId: string;
const tokens: Record<string, Address> = {};
const ids: Record<string, string> = {};
const HOLDER: Address = "0x000000000000000000000000000000000000bEEF";
const t0 = new Date(Date.UTC(2026, 11, 6, 12, 0, 0));
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

beforeAll(async () => {
  anvil = await startAnvil();
  await setMulticall3(anvil.url);
  tokens.usdt = await deployToken(anvil.url, "USDT", 6);
  tokens.dai = await deployToken(anvil.url, "DAI", 18);
  tokens.gusd = await deployToken(anvil.url, "GUSD", 2);
  await mint(anvil.url, tokens.usdt, HOLDER, 1_000_000_123456n); // 1,000,000.123456
  await mint(anvil.url, tokens.dai, HOLDER, 5n * 10n ** 18n + 1n); // 5.000000000000000001
  await mint(anvil.url, tokens.gusd, HOLDER, 12_345n); // 123.45
  const feed = await deployAggregator(anvil.url, 8, "USD reserves of TEST", 123_456_789_012_345_678n);
  proxy = await startRpcProxy(anvil.url);

  const issuer = await makeIssuer(prisma);
  issuerId = issuer.id;
  const dep = (symbol: string, address: string, decimals: number) =>
    prisma.liveTokenDeployment.create({
      data: { issuerId, chain: "ethereum", address, decimals, symbol, compiledFrom: "test", sourceUrl: "https://example.org" },
    });
  ids.usdt = (await dep("USDT", tokens.usdt.toLowerCase(), 6)).id;
  ids.dai = (await dep("DAI", tokens.dai, 18)).id;
  ids.gusd = (await dep("GUSD", tokens.gusd, 2)).id;
  // A record with the wrong decimals: refused on its own, the others still read.
  // A record with the wrong decimals: refused on its own, the others still read.
  tokens.wrong = await deployToken(anvil.url, "WRONG", 2);
  ids.wrong = (await dep("WRONG", tokens.wrong, 6)).id;
  ids.reserve = (
    await prisma.liveReserveAddress.create({
      data: {
        issuerId,
        chain: "ethereum",
        address: HOLDER,
        asset: "USDT",
        assetAddress: tokens.usdt,
        assetDecimals: 6,
        label: "Test treasury",
        compiledFrom: "test",
      },
    })
  ).id;
  ids.feed = (
    await prisma.liveReserveFeed.create({
      data: { issuerId, chain: "ethereum", feedAddress: feed, decimals: null, reports: "USD reserves of TEST", compiledFrom: "test" },
    })
  ).id;
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await anvil?.stop();
  await prisma.$disconnect();
});

const config = () =>
  parseLiveConfig({
    RPC_URL_ETHEREUM: proxy.url,
    LIVE_BREAKER_THRESHOLD: "2",
    LIVE_BREAKER_COOLDOWN_SECONDS: "60",
    LIVE_RPC_TIMEOUT_MS: "3000",
  });
const amountOf = (rows: Awaited<ReturnType<typeof latestReadings>>, targetId: string) => rows.find((r) => r.targetId === targetId)?.amount;

describe("EVM reader against anvil", () => {
  it("reads every supply, balance and the feed in one batched HTTP request for the chain", async () => {
    proxy.reset();
    const s = await refreshLive(prisma, { config: config(), now: at(0), issuerIds: [issuerId] });
    expect(proxy.requests).toBe(1);
    expect(proxy.methods).toEqual(["eth_call"]);
    expect(s.chains).toEqual([{ chain: "ethereum", endpointId: "rpc:ethereum", status: "read", targets: 6, ok: 5, failed: 1 }]);

    const latest = await latestReadings(prisma, issuerId, { now: at(90) });
    expect(amountOf(latest, ids.usdt!)).toBe("1000000.123456");
    expect(amountOf(latest, ids.dai!)).toBe("5.000000000000000001");
    expect(amountOf(latest, ids.gusd!)).toBe("123.45");
    expect(amountOf(latest, ids.reserve!)).toBe("1000000.123456");
    const feed = latest.find((r) => r.targetId === ids.feed)!;
    expect(feed).toMatchObject({
      kind: "reserve_feed",
      amount: "1234567890.12345678",
      raw: "123456789012345678",
      decimals: 8,
      ageSeconds: 90,
    });
    expect(feed.sourceAsOf).toBeInstanceOf(Date);
    const usdt = latest.find((r) => r.targetId === ids.usdt)!;
    expect(usdt.blockNumber).toMatch(/^\d+$/);
    expect(usdt.responseSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(usdt.endpointId).toBe("rpc:ethereum");
    const wrong = latest.find((r) => r.targetId === ids.wrong)!;
    expect(wrong.amount).toBeNull();
    expect(wrong.latestFailure?.error).toMatch(/decimals\(\) on chain is 2, the record says 6/);
  });

  it("a mint and a burn between two refreshes show in the stored history", async () => {
    await mint(anvil.url, tokens.usdt!, HOLDER, 500_000000n);
    await burn(anvil.url, tokens.usdt!, HOLDER, 200_000000n);
    await refreshLive(prisma, { config: config(), now: at(60), issuerIds: [issuerId] });
    const history = (await supplyHistory(prisma, issuerId)).filter((h) => h.targetId === ids.usdt);
    expect(history.map((h) => h.amount)).toEqual(["1000000.123456", "1000300.123456"]);
    expect(BigInt(history[1]!.blockNumber!)).toBeGreaterThan(BigInt(history[0]!.blockNumber!));
  });

  it("with the node stopped: last good value stays, failures recorded, breaker opens; back: breaker closes", async () => {
    const stateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "usd1-anvil-")), "state.json");
    await dumpState(anvil.url, stateFile);
    const port = anvil.port;
    await anvil.stop();
    const readingsBefore = await prisma.liveReading.count({ where: { issuerId } });

    const first = await refreshLive(prisma, { config: config(), now: at(120), issuerIds: [issuerId] });
    expect(first.chains[0]).toMatchObject({ status: "read", ok: 0, failed: 6 });
    await refreshLive(prisma, { config: config(), now: at(180), issuerIds: [issuerId] });
    expect(await prisma.liveReading.count({ where: { issuerId } })).toBe(readingsBefore); // never a zero, nothing written
    const breaker = await prisma.liveBreaker.findUniqueOrThrow({ where: { endpointId: "rpc:ethereum" } });
    expect(breaker.consecutiveFailures).toBe(2);
    expect(breaker.openedAt).toEqual(at(180));
    expect(breaker.nextProbeAt).toEqual(at(240));

    // While open, nothing is sent.
    proxy.reset();
    const skipped = await refreshLive(prisma, { config: config(), now: at(200), issuerIds: [issuerId] });
    expect(skipped.chains[0]!.status).toBe("breaker-open");
    expect(proxy.requests).toBe(0);

    const latest = await latestReadings(prisma, issuerId, { now: at(200) });
    const usdt = latest.find((r) => r.targetId === ids.usdt)!;
    expect(usdt.amount).toBe("1000300.123456");
    expect(usdt.ageSeconds).toBe(140); // read at 60 s, now 200 s
    expect(usdt.latestFailure).toMatchObject({ at: at(180) });
    expect(usdt.latestFailure!.error.length).toBeGreaterThan(0);
    const status = await liveStatus(prisma, { config: config(), now: at(200) });
    expect(status.readers.find((r) => r.reader === "evm:ethereum")).toMatchObject({ on: true, breaker: "open", consecutiveFailures: 2 });

    // The node comes back with its state; after the cool-down one probe closes the breaker.
    anvil = await startAnvil({ port, loadState: stateFile });
    const probe = await refreshLive(prisma, { config: config(), now: at(241), issuerIds: [issuerId] });
    expect(probe.chains[0]).toMatchObject({ status: "read", ok: 5 });
    const closed = await prisma.liveBreaker.findUniqueOrThrow({ where: { endpointId: "rpc:ethereum" } });
    expect(closed).toMatchObject({ consecutiveFailures: 0, openedAt: null, nextProbeAt: null, lastSuccessAt: at(241) });
    const after = await latestReadings(prisma, issuerId, { now: at(241) });
    expect(after.find((r) => r.targetId === ids.usdt)).toMatchObject({ amount: "1000300.123456", latestFailure: null, ageSeconds: 0 });
    const status2 = await liveStatus(prisma, { config: config(), now: at(241) });
    expect(status2.readers.find((r) => r.reader === "evm:ethereum")).toMatchObject({ breaker: "closed", lastSuccessAt: at(241) });
  }, 60_000);

  it("a chain without RPC_URL_<CHAIN> is off, and says which variable to set", async () => {
    const s = await refreshLive(prisma, { config: parseLiveConfig({}), now: at(300), issuerIds: [issuerId] });
    expect(s.chains[0]).toMatchObject({ status: "off", reason: "RPC_URL_ETHEREUM is not set" });
    const status = await liveStatus(prisma, { config: parseLiveConfig({}), now: at(300) });
    expect(status.readers.find((r) => r.reader === "evm:ethereum")).toMatchObject({ on: false, reason: "RPC_URL_ETHEREUM is not set" });
    expect(status.readers.find((r) => r.reader === "prices")).toMatchObject({ on: false });
  });
});
