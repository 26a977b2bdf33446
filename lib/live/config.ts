// Live-signal configuration, read from an environment record (process.env on
// the server). Nothing is hard-coded: an RPC endpoint per chain comes from
// RPC_URL_<CHAIN>, the price source from PRICE_API_URL + PRICE_API_KIND. With a
// variable missing, the reader that needs it is "off", with the reason.

export type ChainFamily = "evm" | "tron" | "solana";

/** Chains whose tokens we cannot read (no reader of that family yet). */
const UNSUPPORTED = new Set(["ton", "aptos", "near", "sui", "stellar", "hedera", "noble", "xrpl", "movement", "wan"]);

export function chainFamily(chain: string): ChainFamily | null {
  const c = chain.toLowerCase();
  if (c === "tron") return "tron";
  if (c === "solana") return "solana";
  if (UNSUPPORTED.has(c)) return null;
  return "evm";
}

/** RPC_URL_<CHAIN>: the chain key upper-cased, every other character than A-Z 0-9 as "_". */
export function rpcEnvName(chain: string): string {
  return `RPC_URL_${chain.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

export const PRICE_API_KINDS = ["defillama-stablecoinprices", "coingecko-market-chart"] as const;
export type PriceApiKind = (typeof PRICE_API_KINDS)[number];

export interface LiveConfig {
  /** chain key (lower case, as stored on records) → RPC URL; looked up with rpcUrl(). */
  rpcUrls: Record<string, string>;
  priceApi: { url: string; kind: PriceApiKind } | null;
  /** Why the price poller is off, when it is. */
  priceApiProblem: string | null;
  refreshCron: string;
  jobsInApp: boolean;
  /** Issuers' own transparency pages are fetched only when LIVE_ISSUER_ENDPOINTS=true: they are addresses on the open web, never reached by default (tests, CI). */
  issuerEndpoints: boolean;
  rpcTimeoutMs: number;
  breaker: { threshold: number; coolDownMs: number; maxCoolDownMs: number };
  depeg: { bandBp: number; minHours: number };
  /** Variables that were set but refused, with why (shown by liveStatus). */
  problems: string[];
}

type EnvRecord = Record<string, string | undefined>;

function intVar(env: EnvRecord, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${name}=${JSON.stringify(raw)} is not a whole number between ${min} and ${max}; using ${fallback}`);
    return fallback;
  }
  return n;
}

function httpUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** Five-field cron ("*\/15 * * * *"): pg-boss schedules at minute granularity. */
export function looksLikeCron(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  return fields.length === 5 && fields.every((f) => /^[\d*/,\-A-Za-z]+$/.test(f));
}

export function parseLiveConfig(env: EnvRecord): LiveConfig {
  const problems: string[] = [];
  const rpcUrls: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const m = /^RPC_URL_([A-Z0-9_]+)$/.exec(name);
    if (!m || value === undefined || value.trim() === "") continue;
    if (!httpUrl(value.trim())) {
      problems.push(`${name} is not an http(s) URL`);
      continue;
    }
    rpcUrls[(m[1] ?? "").toLowerCase()] = value.trim();
  }

  let priceApi: LiveConfig["priceApi"] = null;
  let priceApiProblem: string | null = null;
  const priceUrl = env.PRICE_API_URL?.trim();
  const priceKind = env.PRICE_API_KIND?.trim();
  if (!priceUrl && !priceKind) priceApiProblem = "PRICE_API_URL and PRICE_API_KIND are not set";
  else if (!priceUrl || !httpUrl(priceUrl)) priceApiProblem = "PRICE_API_URL is missing or not an http(s) URL";
  else if (!priceKind || !(PRICE_API_KINDS as readonly string[]).includes(priceKind))
    priceApiProblem = `PRICE_API_KIND must be one of ${PRICE_API_KINDS.join(", ")}`;
  else priceApi = { url: priceUrl, kind: priceKind as PriceApiKind };
  if (priceApiProblem && (priceUrl || priceKind)) problems.push(priceApiProblem);

  let refreshCron = env.LIVE_REFRESH_CRON?.trim() || "*/15 * * * *";
  if (!looksLikeCron(refreshCron)) {
    problems.push(`LIVE_REFRESH_CRON=${JSON.stringify(refreshCron)} is not a five-field cron expression; using every 15 minutes`);
    refreshCron = "*/15 * * * *";
  }

  return {
    rpcUrls,
    priceApi,
    priceApiProblem,
    refreshCron,
    jobsInApp: (env.JOBS_IN_APP ?? "true").trim().toLowerCase() !== "false",
    issuerEndpoints: (env.LIVE_ISSUER_ENDPOINTS ?? "").trim().toLowerCase() === "true",
    rpcTimeoutMs: intVar(env, "LIVE_RPC_TIMEOUT_MS", 10_000, 100, 120_000, problems),
    breaker: {
      threshold: intVar(env, "LIVE_BREAKER_THRESHOLD", 3, 1, 100, problems),
      coolDownMs: intVar(env, "LIVE_BREAKER_COOLDOWN_SECONDS", 300, 1, 86_400, problems) * 1000,
      maxCoolDownMs: intVar(env, "LIVE_BREAKER_MAX_COOLDOWN_SECONDS", 3600, 1, 7 * 86_400, problems) * 1000,
    },
    depeg: {
      bandBp: intVar(env, "LIVE_DEPEG_BAND_BP", 50, 1, 10_000, problems),
      minHours: intVar(env, "LIVE_DEPEG_MIN_HOURS", 24, 1, 24 * 365, problems),
    },
    problems,
  };
}

/** The RPC URL configured for a chain key as stored on records ("polygon-zkevm" → RPC_URL_POLYGON_ZKEVM). */
export function rpcUrl(config: LiveConfig, chain: string): string | null {
  return config.rpcUrls[rpcEnvName(chain).slice("RPC_URL_".length).toLowerCase()] ?? null;
}
