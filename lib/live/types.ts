// The one interface every live reader implements: read(targets) → for each
// target either its readings or a failure. Readers never return a zero for a
// failure, and never throw for one target's problem.

export type ReadingKind = "supply" | "reserve_balance" | "reserve_feed" | "issuer_figure";

export type ChainTarget =
  /** totalSupply of a token deployment */
  | { kind: "supply"; id: string; address: string; decimals: number }
  /** balanceOf(holder) on a token contract */
  | { kind: "reserve_balance"; id: string; holder: string; token: string; decimals: number }
  /** latestRoundData() of an AggregatorV3 feed; decimals null = read decimals() */
  | { kind: "reserve_feed"; id: string; feed: string; decimals: number | null };

export interface Reading {
  targetId: string;
  kind: ReadingKind;
  metric: string;
  /** The integer as read, in base units (decimal digits), when there is one. */
  raw: string | null;
  decimals: number | null;
  /** Exact amount in whole units, as a decimal string. */
  amount: string;
  blockNumber: bigint | null;
  slot: bigint | null;
  sourceAsOf: Date | null;
  responseSha256: string;
  readAt: Date;
}

export type ReadResult = { targetId: string; ok: true; readings: Reading[] } | { targetId: string; ok: false; error: string; at: Date };

export interface LiveReader<T extends { id: string }> {
  /** Reads every target; one result per target, in the same order. */
  read(targets: T[]): Promise<ReadResult[]>;
}

export interface ReaderOptions {
  url: string;
  timeoutMs?: number;
  /** Clock for readAt (tests pass a fixed one). */
  now?: () => Date;
  /** Called once per HTTP request sent (request counting in tests and the bench). */
  onRequest?: () => void;
}

export function failAll<T extends { id: string }>(targets: T[], error: string, at: Date): ReadResult[] {
  return targets.map((t) => ({ targetId: t.id, ok: false as const, error, at }));
}

export function errorText(err: unknown): string {
  if (err instanceof Error) {
    // viem errors carry a long multi-line message; the first line and the cause's first line are enough.
    const short = (err as { shortMessage?: string }).shortMessage ?? err.message.split("\n")[0] ?? err.message;
    const details = (err as { details?: string }).details;
    return details && !short.includes(details) ? `${short} (${details})` : short;
  }
  return String(err);
}
