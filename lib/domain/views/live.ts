// The live signals of one issuer as its page shows them (built by lib/server/queries/live.ts).

export interface LiveFigure {
  label: string;
  chain: string | null;
  amount: string | null;
  blockNumber: string | null;
  slot: string | null;
  readAt: string | null;
  /** The latest failure of this target when it is newer than the value shown. */
  failure: { error: string; at: string } | null;
}

export interface IssuerLiveModel {
  /** When this model was computed: each figure's age is stated against it. */
  computedAt: string;
  /**
   * Readers that are off on this server: which (family, and chain for on-chain readers; adapter for an issuer's
   * page) and the setting that would turn each on (null: none would, e.g. a chain we have no reader for).
   */
  off: {
    reader: string;
    family: "evm" | "tron" | "solana" | "transparency" | "prices";
    chain: string | null;
    /** Why, in English, for operators and the API (the page names the reader in its own language). */
    reason: string;
    setting: string | null;
  }[];
  deployments: { chain: string; address: string; symbol: string; sourceUrl: string | null }[];
  supply: LiveFigure[];
  supplyTotal: { amount: string; oldestReadAt: string; complete: boolean } | null;
  reserves: LiveFigure[];
  issuerFigures: LiveFigure[];
  /** From the latest published report with the figure: for the computed comparisons. */
  lastReport: { asOf: string; tokens: string | null; reserves: string | null } | null;
  tokensChangePct: string | null;
  reservesOverSupplyPct: string | null;
  peg: {
    token: string;
    points: { date: string; priceUsd: string; deviationBp: number }[];
    episodes: { startDate: string; endDate: string; lowestPrice: string }[];
    /** The issuer's recorded stress events within the series, marked on the chart. */
    stressEvents: { date: string; kind: string }[];
  } | null;
}

/** Tokens now per issuer slug (the home table's column): summed over the deployments read, with the oldest reading's time. */
export type LiveSupplyTotals = Record<string, { amount: string; oldestReadAt: string; complete: boolean }>;
