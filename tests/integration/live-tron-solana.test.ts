// Tron through a "latest only" /jsonrpc endpoint (a proxy in front of anvil
// that behaves like Tron's: no block other than "latest", no batches), with
// base58 addresses converted; Solana SPL supply from litesvm running the real
// SPL Token program behind our small JSON-RPC server, read with @solana/kit.
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { parseLiveConfig } from "@/lib/live/config";
import { hexToTron } from "@/lib/live/tron-address";
import { latestReadings, supplyHistory } from "@/lib/server/live/queries";
import { refreshLive } from "@/lib/server/live/refresh";

import { makeIssuer, testPrisma } from "../support/db";
import { deployAggregator, deployToken, mint, startAnvil, type Anvil } from "../support/live-anvil";
import { startRpcProxy, type RpcProxy } from "../support/live-rpc-proxy";
import { startSolanaNode, type SolanaNode } from "../support/live-solana";

const prisma = testPrisma();
let anvil: Anvil;
let tron: RpcProxy;
let solana: SolanaNode;
const t0 = new Date(Date.UTC(2026, 11, 6, 13, 0, 0));
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const HOLDER: Address = "0x000000000000000000000000000000000000bEEF";

beforeAll(async () => {
  anvil = await startAnvil({ chainId: 728126428 });
  tron = await startRpcProxy(anvil.url, { tron: true });
  solana = await startSolanaNode();
}, 120_000);

afterAll(async () => {
  await tron?.close();
  await anvil?.stop();
  await solana?.close();
  await prisma.$disconnect();
});

describe("Tron TRC-20 through a latest-only /jsonrpc", () => {
  it("reads supply, a reserve balance and a feed with base58 addresses, every call at latest", async () => {
    const token = await deployToken(anvil.url, "USDT", 6);
    await mint(anvil.url, token, HOLDER, 77_000_000_000001n);
    const feed = await deployAggregator(anvil.url, 18, "USD reserves", 5n * 10n ** 18n);
    const issuer = await makeIssuer(prisma);
    const tokenB58 = hexToTron(token);
    expect(tokenB58).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
    const dep = await prisma.liveTokenDeployment.create({
      data: { issuerId: issuer.id, chain: "tron", address: tokenB58, decimals: 6, symbol: "USDT", compiledFrom: "test" },
    });
    const bad = await prisma.liveTokenDeployment.create({
      data: {
        issuerId: issuer.id,
        chain: "tron",
        address: tokenB58.slice(0, -1) + (tokenB58.endsWith("a") ? "b" : "a"),
        decimals: 6,
        symbol: "BAD",
        compiledFrom: "test",
      },
    });
    const reserve = await prisma.liveReserveAddress.create({
      data: {
        issuerId: issuer.id,
        chain: "tron",
        address: hexToTron(HOLDER),
        asset: "USDT",
        assetAddress: tokenB58,
        assetDecimals: 6,
        label: "PSM",
        compiledFrom: "test",
      },
    });
    const f = await prisma.liveReserveFeed.create({
      data: {
        issuerId: issuer.id,
        chain: "tron",
        feedAddress: hexToTron(feed),
        decimals: null,
        reports: "USD reserves",
        compiledFrom: "test",
      },
    });

    tron.reset();
    const s = await refreshLive(prisma, { config: parseLiveConfig({ RPC_URL_TRON: tron.url }), now: at(0), issuerIds: [issuer.id] });
    expect(s.chains).toEqual([{ chain: "tron", endpointId: "rpc:tron", status: "read", targets: 4, ok: 3, failed: 1 }]);
    expect(tron.refused).toEqual([]); // nothing but "latest" was asked
    expect(tron.methods[0]).toBe("eth_blockNumber");
    expect(tron.methods.filter((m) => m === "eth_call").length).toBe(4); // supply, balance, latestRoundData, decimals; the bad address never left
    const latest = await latestReadings(prisma, issuer.id, { now: at(5) });
    expect(latest.find((r) => r.targetId === dep.id)).toMatchObject({
      amount: "77000000.000001",
      raw: "77000000000001",
      chain: "tron",
      ageSeconds: 5,
    });
    expect(latest.find((r) => r.targetId === reserve.id)?.amount).toBe("77000000.000001");
    expect(latest.find((r) => r.targetId === f.id)).toMatchObject({ amount: "5", decimals: 18 });
    expect(latest.find((r) => r.targetId === bad.id)).toMatchObject({
      amount: null,
      latestFailure: { error: expect.stringMatching(/checksum|Tron/i) },
    });
  });

  it("the endpoint really refuses anything but latest (so the reader's success above means something)", async () => {
    const res = await fetch(tron.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_call", params: [{ to: HOLDER, data: "0x18160ddd" }, "0x1"] }),
    });
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/latest is the only supported/);
    expect((await fetch(tron.url.replace("/jsonrpc", "/"), { method: "POST", body: "{}" })).status).toBe(404);
  });
});

describe("Solana SPL supply from litesvm (real SPL Token program) via @solana/kit", () => {
  it("reads mint supply with its slot; a mint and a burn show in the history", async () => {
    const mintAddress = await solana.createMint(6, 1_000_000_000001n);
    const issuer = await makeIssuer(prisma);
    const dep = await prisma.liveTokenDeployment.create({
      data: { issuerId: issuer.id, chain: "solana", address: mintAddress, decimals: 6, symbol: "USDC", compiledFrom: "test" },
    });
    const wrong = await prisma.liveTokenDeployment.create({
      data: {
        issuerId: issuer.id,
        chain: "solana",
        address: await solana.createMint(9, 5n),
        decimals: 6,
        symbol: "WRONG",
        compiledFrom: "test",
      },
    });
    const config = parseLiveConfig({ RPC_URL_SOLANA: solana.url });
    const before = solana.requests;
    const s1 = await refreshLive(prisma, { config, now: at(0), issuerIds: [issuer.id] });
    expect(s1.chains[0]).toMatchObject({ chain: "solana", status: "read", ok: 1, failed: 1 });
    expect(solana.requests - before).toBe(2); // one getTokenSupply per mint
    await solana.mintTo(mintAddress, 250_000000n);
    await solana.burn(mintAddress, 50_000000n);
    await refreshLive(prisma, { config, now: at(60), issuerIds: [issuer.id] });
    const history = (await supplyHistory(prisma, issuer.id)).filter((h) => h.targetId === dep.id);
    expect(history.map((h) => h.amount)).toEqual(["1000000.000001", "1000200.000001"]);
    expect(BigInt(history[1]!.slot!)).toBeGreaterThan(BigInt(history[0]!.slot!));
    expect(history[0]!.blockNumber).toBeNull();
    const latest = await latestReadings(prisma, issuer.id, { now: at(60) });
    expect(latest.find((r) => r.targetId === wrong.id)?.latestFailure?.error).toMatch(/the mint has 9 decimals, the record says 6/);
  });
});
