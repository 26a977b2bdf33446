// Tron reader: TRC-20 reads through Tron's Ethereum-compatible /jsonrpc
// (RPC_URL_TRON is that URL). It accepts eth_call at "latest" only and has no
// Multicall3, so: one eth_blockNumber, then one eth_call per read. Addresses
// in records are base58 ("T…"), converted to 20-byte hex for the calls.
import { createPublicClient, decodeFunctionResult, encodeFunctionData, erc20Abi, http, type Hex } from "viem";

import { scaleInteger } from "../decimal";
import { sha256Hex } from "../hash";
import { tronToHex } from "../tron-address";
import { errorText, type ChainTarget, type LiveReader, type ReaderOptions, type Reading, type ReadResult } from "../types";
import { aggregatorV3Abi } from "./evm";

export class TronReader implements LiveReader<ChainTarget> {
  constructor(private readonly options: ReaderOptions) {}

  async read(targets: ChainTarget[]): Promise<ReadResult[]> {
    const now = this.options.now ?? (() => new Date());
    if (targets.length === 0) return [];
    let lastBody = "";
    const client = createPublicClient({
      transport: http(this.options.url, {
        timeout: this.options.timeoutMs ?? 10_000,
        retryCount: 0,
        onFetchRequest: () => {
          this.options.onRequest?.();
        },
        onFetchResponse: async (response) => {
          lastBody = await response.clone().text();
        },
      }),
    });
    let blockNumber: bigint;
    try {
      blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    } catch (err) {
      const at = now();
      return targets.map((t) => ({ targetId: t.id, ok: false as const, error: errorText(err), at }));
    }

    const call = async (to: string, data: Hex): Promise<{ data: Hex; sha: string }> => {
      const res = await client.call({ to: tronToHex(to), data, blockTag: "latest" });
      return { data: res.data ?? "0x", sha: sha256Hex(lastBody) };
    };

    const out: ReadResult[] = [];
    for (const target of targets) {
      const at = () => now();
      const reading = (metric: string, raw: bigint, decimals: number, sha: string, sourceAsOf: Date | null = null): Reading => ({
        targetId: target.id,
        kind: target.kind,
        metric,
        raw: raw.toString(),
        decimals,
        amount: scaleInteger(raw, decimals),
        blockNumber,
        slot: null,
        sourceAsOf,
        responseSha256: sha,
        readAt: at(),
      });
      try {
        if (target.kind === "supply") {
          const r = await call(target.address, encodeFunctionData({ abi: erc20Abi, functionName: "totalSupply" }));
          if (r.data === "0x") throw new Error(`no contract answered totalSupply() at ${target.address}`);
          const raw = decodeFunctionResult({ abi: erc20Abi, functionName: "totalSupply", data: r.data });
          out.push({ targetId: target.id, ok: true, readings: [reading("total_supply", raw, target.decimals, r.sha)] });
        } else if (target.kind === "reserve_balance") {
          const holder = tronToHex(target.holder);
          const r = await call(target.token, encodeFunctionData({ abi: erc20Abi, functionName: "balanceOf", args: [holder] }));
          if (r.data === "0x") throw new Error(`no contract answered balanceOf() at ${target.token}`);
          const raw = decodeFunctionResult({ abi: erc20Abi, functionName: "balanceOf", data: r.data });
          out.push({ targetId: target.id, ok: true, readings: [reading("balance", raw, target.decimals, r.sha)] });
        } else {
          const r = await call(target.feed, encodeFunctionData({ abi: aggregatorV3Abi, functionName: "latestRoundData" }));
          const [, answer, , updatedAt] = decodeFunctionResult({ abi: aggregatorV3Abi, functionName: "latestRoundData", data: r.data });
          let decimals = target.decimals;
          if (decimals === null) {
            const d = await call(target.feed, encodeFunctionData({ abi: aggregatorV3Abi, functionName: "decimals" }));
            decimals = Number(decodeFunctionResult({ abi: aggregatorV3Abi, functionName: "decimals", data: d.data }));
          }
          if (answer <= 0n) throw new Error(`the feed answered ${answer.toString()} (not positive): refused`);
          out.push({
            targetId: target.id,
            ok: true,
            readings: [reading("answer", answer, decimals, r.sha, updatedAt > 0n ? new Date(Number(updatedAt) * 1000) : null)],
          });
        }
      } catch (err) {
        out.push({ targetId: target.id, ok: false, error: errorText(err), at: at() });
      }
    }
    return out;
  }
}
