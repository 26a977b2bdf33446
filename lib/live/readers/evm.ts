// EVM reader: every target of one chain in ONE eth_call to Multicall3's
// aggregate3 (viem multicall, no chunking), with Multicall3.getBlockNumber()
// in the same call so every reading carries the block it was read at.
// Supply targets also read decimals() and refuse a mismatch with the record.
import { createPublicClient, erc20Abi, getAddress, http, type Address } from "viem";

import { scaleInteger } from "../decimal";
import { sha256Hex } from "../hash";
import { errorText, failAll, type ChainTarget, type LiveReader, type ReaderOptions, type Reading, type ReadResult } from "../types";

export const MULTICALL3_ADDRESS: Address = "0xcA11bde05977b3631167028862bE2a173976CA11";

export const aggregatorV3Abi = [
  { type: "function", name: "decimals", stateMutability: "view", inputs: [], outputs: [{ name: "", type: "uint8" }] },
  { type: "function", name: "description", stateMutability: "view", inputs: [], outputs: [{ name: "", type: "string" }] },
  {
    type: "function",
    name: "latestRoundData",
    stateMutability: "view",
    inputs: [],
    outputs: [
      { name: "roundId", type: "uint80" },
      { name: "answer", type: "int256" },
      { name: "startedAt", type: "uint256" },
      { name: "updatedAt", type: "uint256" },
      { name: "answeredInRound", type: "uint80" },
    ],
  },
] as const;

const multicall3Abi = [
  { type: "function", name: "getBlockNumber", stateMutability: "view", inputs: [], outputs: [{ name: "blockNumber", type: "uint256" }] },
] as const;

type Call = { address: Address; abi: readonly unknown[]; functionName: string; args?: readonly unknown[] };

/** EVM addresses as records hold them (any case) → checksummed; null when not an address. */
export function evmAddress(text: string): Address | null {
  try {
    return getAddress(text.toLowerCase());
  } catch {
    return null;
  }
}

export class EvmReader implements LiveReader<ChainTarget> {
  constructor(private readonly options: ReaderOptions & { multicallAddress?: Address }) {}

  async read(targets: ChainTarget[]): Promise<ReadResult[]> {
    const now = this.options.now ?? (() => new Date());
    if (targets.length === 0) return [];
    let body = "";
    const client = createPublicClient({
      transport: http(this.options.url, {
        timeout: this.options.timeoutMs ?? 10_000,
        retryCount: 0,
        onFetchRequest: () => {
          this.options.onRequest?.();
        },
        onFetchResponse: async (response) => {
          body = await response.clone().text();
        },
      }),
    });

    // Plan the calls; a target whose address is malformed fails on its own.
    const calls: Call[] = [
      { address: this.options.multicallAddress ?? MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: "getBlockNumber" },
    ];
    const plan: { target: ChainTarget; first: number; count: number }[] = [];
    const early = new Map<string, ReadResult>();
    for (const target of targets) {
      const first = calls.length;
      if (target.kind === "supply") {
        const a = evmAddress(target.address);
        if (!a) {
          early.set(target.id, { targetId: target.id, ok: false, error: `not an EVM address: ${target.address}`, at: now() });
          continue;
        }
        calls.push({ address: a, abi: erc20Abi, functionName: "totalSupply" }, { address: a, abi: erc20Abi, functionName: "decimals" });
      } else if (target.kind === "reserve_balance") {
        const token = evmAddress(target.token);
        const holder = evmAddress(target.holder);
        if (!token || !holder) {
          early.set(target.id, {
            targetId: target.id,
            ok: false,
            error: `not an EVM address: ${token ? target.holder : target.token}`,
            at: now(),
          });
          continue;
        }
        calls.push({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [holder] });
      } else {
        const feed = evmAddress(target.feed);
        if (!feed) {
          early.set(target.id, { targetId: target.id, ok: false, error: `not an EVM address: ${target.feed}`, at: now() });
          continue;
        }
        calls.push(
          { address: feed, abi: aggregatorV3Abi, functionName: "latestRoundData" },
          { address: feed, abi: aggregatorV3Abi, functionName: "decimals" },
        );
      }
      plan.push({ target, first, count: calls.length - first });
    }

    type Item = { status: "success" | "failure"; result?: unknown; error?: Error };
    let results: Item[];
    try {
      results = (await client.multicall({
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        contracts: calls as any,
        multicallAddress: this.options.multicallAddress ?? MULTICALL3_ADDRESS,
        allowFailure: true,
        batchSize: 0,
        blockTag: "latest",
      })) as typeof results;
    } catch (err) {
      const at = now();
      return targets.map((t) => early.get(t.id) ?? { targetId: t.id, ok: false as const, error: errorText(err), at });
    }
    const at = now();
    const head = results[0];
    if (!head || head.status !== "success") {
      // Without Multicall3 every item "fails" without an error: say so instead of reading nothing.
      return targets.map(
        (t) =>
          early.get(t.id) ?? {
            targetId: t.id,
            ok: false as const,
            error: `Multicall3 is not available at ${this.options.multicallAddress ?? MULTICALL3_ADDRESS} on this node`,
            at,
          },
      );
    }
    const blockNumber = head.result as bigint;
    const responseSha256 = sha256Hex(body);
    const byId = new Map<string, ReadResult>(early);
    for (const { target, first } of plan) {
      const missing: Item = { status: "failure", error: new Error("no result") };
      const r: [Item, Item] = [results[first] ?? missing, results[first + 1] ?? missing];
      const failed = (i: 0 | 1) => r[i].status !== "success";
      const reading = (metric: string, raw: bigint, decimals: number, sourceAsOf: Date | null = null): Reading => ({
        targetId: target.id,
        kind: target.kind,
        metric,
        raw: raw.toString(),
        decimals,
        amount: scaleInteger(raw, decimals),
        blockNumber,
        slot: null,
        sourceAsOf,
        responseSha256,
        readAt: at,
      });
      const fail = (error: string) => byId.set(target.id, { targetId: target.id, ok: false, error, at });
      if (target.kind === "supply") {
        if (failed(0)) fail(`totalSupply() reverted at ${target.address}: ${errorText(r[0].error)}`);
        else if (failed(1)) fail(`decimals() reverted at ${target.address}: ${errorText(r[1].error)}`);
        else if (Number(r[1].result) !== target.decimals)
          fail(`decimals() on chain is ${String(r[1].result)}, the record says ${target.decimals}: fix the record; nothing stored`);
        else
          byId.set(target.id, {
            targetId: target.id,
            ok: true,
            readings: [reading("total_supply", r[0].result as bigint, target.decimals)],
          });
      } else if (target.kind === "reserve_balance") {
        if (failed(0)) fail(`balanceOf() reverted on ${target.token}: ${errorText(r[0].error)}`);
        else byId.set(target.id, { targetId: target.id, ok: true, readings: [reading("balance", r[0].result as bigint, target.decimals)] });
      } else {
        if (failed(0)) {
          fail(`latestRoundData() reverted at ${target.feed}: ${errorText(r[0].error)}`);
          continue;
        }
        const onChainDecimals = failed(1) ? null : Number(r[1].result);
        const decimals = target.decimals ?? onChainDecimals;
        if (decimals === null) fail(`decimals() reverted at ${target.feed} and the record states none`);
        else if (target.decimals !== null && onChainDecimals !== null && onChainDecimals !== target.decimals)
          fail(`decimals() on chain is ${onChainDecimals}, the record says ${target.decimals}: fix the record; nothing stored`);
        else {
          const [, answer, , updatedAt] = r[0].result as readonly [bigint, bigint, bigint, bigint, bigint];
          if (answer <= 0n) fail(`the feed answered ${answer.toString()} (not positive): refused`);
          else
            byId.set(target.id, {
              targetId: target.id,
              ok: true,
              readings: [reading("answer", answer, decimals, updatedAt > 0n ? new Date(Number(updatedAt) * 1000) : null)],
            });
        }
      }
    }
    return targets.map((t) => byId.get(t.id) ?? { targetId: t.id, ok: false as const, error: "not read", at });
  }
}

export { failAll };
