// Solana reader: SPL mint supply with @solana/kit getTokenSupply, one request
// per mint, each reading with the slot of its answer. The transport is ours
// (plain fetch) so the raw response can be hashed.
import { address, createSolanaRpcFromTransport, type RpcTransport } from "@solana/kit";

import { scaleInteger } from "../decimal";
import { sha256Hex } from "../hash";
import { errorText, type ChainTarget, type LiveReader, type ReaderOptions, type ReadResult } from "../types";

export class SolanaReader implements LiveReader<ChainTarget> {
  constructor(private readonly options: ReaderOptions) {}

  async read(targets: ChainTarget[]): Promise<ReadResult[]> {
    const now = this.options.now ?? (() => new Date());
    let lastBody = "";
    const transport: RpcTransport = async <T>({ payload, signal }: Parameters<RpcTransport>[0]): Promise<T> => {
      this.options.onRequest?.();
      const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 10_000);
      const res = await fetch(this.options.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(payload),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status} from the Solana RPC`);
      lastBody = text;
      return JSON.parse(text) as T;
    };
    const rpc = createSolanaRpcFromTransport(transport);
    const out: ReadResult[] = [];
    for (const target of targets) {
      try {
        if (target.kind !== "supply") throw new Error(`the Solana reader reads mint supply only, not ${target.kind}`);
        const { context, value } = await rpc.getTokenSupply(address(target.address)).send();
        if (value.decimals !== target.decimals)
          throw new Error(`the mint has ${value.decimals} decimals, the record says ${target.decimals}: fix the record; nothing stored`);
        if (!/^\d+$/.test(value.amount)) throw new Error(`supply is not an integer: ${JSON.stringify(value.amount)}`);
        const raw = BigInt(value.amount);
        out.push({
          targetId: target.id,
          ok: true,
          readings: [
            {
              targetId: target.id,
              kind: "supply",
              metric: "total_supply",
              raw: raw.toString(),
              decimals: value.decimals,
              amount: scaleInteger(raw, value.decimals),
              blockNumber: null,
              slot: BigInt(context.slot),
              sourceAsOf: null,
              responseSha256: sha256Hex(lastBody),
              readAt: now(),
            },
          ],
        });
      } catch (err) {
        out.push({ targetId: target.id, ok: false, error: errorText(err), at: now() });
      }
    }
    return out;
  }
}
