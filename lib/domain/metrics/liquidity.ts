// Liquidity ladder (share of reserves convertible to cash within 1 / 7 / 30
// days) and concentration (largest single bank or custodian share).
import Decimal from "decimal.js";

import { lineShares } from "@/lib/domain/metrics/composition";
import { addMeasured, atLeast, exactly, unknown, type Measured } from "@/lib/domain/precision";
import type { ReserveCategory } from "@/lib/domain/taxonomy";
import type { AttestationData } from "@/lib/domain/types";

export type LiquidityBucket = "1d" | "7d" | "30d" | "beyond_30d" | "unknown";

/** The assumptions behind a derived ladder, shown with it on the page. */
export const LIQUIDITY_ASSUMPTIONS: Readonly<Record<ReserveCategory, { bucket: LiquidityBucket; reason: string }>> = {
  cash_deposits: { bucket: "1d", reason: "Deposits can be withdrawn the same or next day." },
  repo_overnight: { bucket: "1d", reason: "Overnight repo matures the next business day." },
  gov_mmf: { bucket: "1d", reason: "Government money market funds usually redeem the same or next day." },
  tbills_93d: { bucket: "7d", reason: "Short Treasury bills are sold in the secondary market and settle within days." },
  other_mmf: { bucket: "7d", reason: "Other money market funds may delay or charge for redemptions under stress." },
  commercial_paper_cds: { bucket: "30d", reason: "Commercial paper and CDs are held to maturity or sold in a thinner market." },
  treasury_notes_bonds: { bucket: "30d", reason: "Longer Treasuries sell quickly but at a price that can move." },
  corporate_bonds: { bucket: "beyond_30d", reason: "Corporate bonds can take longer to sell without a loss." },
  secured_loans: { bucket: "beyond_30d", reason: "Loans are repaid on their own schedule." },
  onchain_crypto: { bucket: "beyond_30d", reason: "Crypto collateral is sold in volatile markets; no conversion time is assumed." },
  precious_metals: { bucket: "beyond_30d", reason: "Metals must be sold and settled through dealers." },
  other_undisclosed: { bucket: "unknown", reason: "Undisclosed assets cannot be placed on the ladder." },
};

export interface LiquidityLadderResult {
  source: "reported" | "derived" | "not_available";
  within1dPct: Measured;
  within7dPct: Measured;
  within30dPct: Measured;
  /** Derived ladder only: reserves that could not be placed (undisclosed, not captured, no share). */
  unknownPct: Measured | null;
  assumptions: string[];
  reason: string;
}

const reported = (v: string | null): Measured => (v === null ? unknown("not reported") : exactly(v));

export function liquidityLadder(a: AttestationData): LiquidityLadderResult {
  const { within1dPct, within7dPct, within30dPct } = a.liquidity;
  if (within1dPct !== null || within7dPct !== null || within30dPct !== null) {
    return {
      source: "reported",
      within1dPct: reported(within1dPct),
      within7dPct: reported(within7dPct),
      within30dPct: reported(within30dPct),
      unknownPct: null,
      assumptions: [],
      reason: "As stated in the report.",
    };
  }
  const shares = lineShares(a.composition, a.totalReserves);
  if (shares.length === 0) {
    const none = unknown("no liquidity figures and no composition captured");
    return {
      source: "not_available",
      within1dPct: none,
      within7dPct: none,
      within30dPct: none,
      unknownPct: null,
      assumptions: [],
      reason: none.reason as string,
    };
  }
  const known = shares.filter((s) => s.sharePct.value !== null);
  const inBuckets = (buckets: LiquidityBucket[]): Measured => {
    const ms = known.filter((s) => buckets.includes(LIQUIDITY_ASSUMPTIONS[s.line.category].bucket)).map((s) => s.sharePct);
    return ms.length === 0 ? exactly(0) : addMeasured(...ms);
  };
  const placedTotal = inBuckets(["1d", "7d", "30d", "beyond_30d"]);
  // Undisclosed lines, lines without a share and the not-captured remainder: any of it could be liquid.
  const unknownPart = Decimal.max(0, new Decimal(100).minus(placedTotal.value ?? 0));
  const unknownPct = exactly(unknownPart);
  const widen = (m: Measured): Measured =>
    unknownPart.gt(0) ? atLeast(m, `${unknownPart.toDecimalPlaces(2).toFixed()} points of reserves could not be placed on the ladder`) : m;
  const categories = new Set(shares.map((s) => s.line.category));
  return {
    source: "derived",
    within1dPct: widen(inBuckets(["1d"])),
    within7dPct: widen(inBuckets(["1d", "7d"])),
    within30dPct: widen(inBuckets(["1d", "7d", "30d"])),
    unknownPct,
    assumptions: [...categories].map((c) => LIQUIDITY_ASSUMPTIONS[c].reason),
    reason: "Derived by us from the reported categories, with the stated assumptions; not a figure from the report.",
  };
}

export interface ConcentrationResult {
  status: "reported" | "not_reported";
  largest: { custodian: string; sharePct: Measured } | null;
  custodians: { custodian: string; sharePct: Measured }[];
  reason: string;
}

/** Largest share held at one named bank or custodian, among lines that name one. */
export function custodianConcentration(a: AttestationData): ConcentrationResult {
  const shares = lineShares(a.composition, a.totalReserves);
  const named = shares.filter((s) => (s.line.custodian ?? "").trim() !== "");
  if (named.length === 0)
    return { status: "not_reported", largest: null, custodians: [], reason: "No composition line names a bank or custodian." };
  // The same institution may be written with different case or spacing across lines.
  const groups = new Map<string, { custodian: string; shares: Measured[] }>();
  for (const s of named) {
    const name = (s.line.custodian as string).trim();
    const key = name.toLowerCase().replace(/\s+/g, " ");
    const g = groups.get(key) ?? { custodian: name, shares: [] };
    g.shares.push(s.sharePct);
    groups.set(key, g);
  }
  const custodians = [...groups.values()]
    .map((g) => ({ custodian: g.custodian, sharePct: addMeasured(...g.shares) }))
    .sort((x, y) => new Decimal(y.sharePct.value ?? -1).cmp(x.sharePct.value ?? -1) || x.custodian.localeCompare(y.custodian));
  const top = custodians[0];
  if (!top || top.sharePct.value === null) {
    return { status: "reported", largest: null, custodians, reason: "Custodians are named but their shares cannot be computed." };
  }
  const namedTotal = new Decimal(addMeasured(...named.map((s) => s.sharePct)).value ?? 0);
  const unnamed = Decimal.max(0, new Decimal(100).minus(namedTotal));
  const sharePct = unnamed.gt(0)
    ? atLeast(
        top.sharePct,
        `${unnamed.toDecimalPlaces(2).toFixed()} points of reserves have no named custodian and may sit with the same one`,
      )
    : top.sharePct;
  return {
    status: "reported",
    largest: { custodian: top.custodian, sharePct },
    custodians,
    reason: "Among composition lines that name a bank or custodian.",
  };
}
