// Share of reserves eligible under a legal framework: versioned rule tables as
// data (each with its primary source) and the mapping of reported categories
// onto them. An informational mapping, not legal advice.
import Decimal from "decimal.js";

import { diffDays } from "@/lib/domain/metrics/cadence";
import { lineShares, type LineShare } from "@/lib/domain/metrics/composition";
import { addMeasured, atLeast, divideMeasured, exactly, type Measured } from "@/lib/domain/precision";
import { RESERVE_CATEGORIES, type ReserveCategory } from "@/lib/domain/taxonomy";
import type { AttestationData } from "@/lib/domain/types";

export const ELIGIBILITY_DISCLAIMER =
  "This is the product's mapping of reported reserve categories to each framework's rule, for information only; it is not legal advice.";

export type EligibilityStatus = "eligible" | "not_eligible" | "depends_on_maturity";

export interface CategoryRule {
  status: EligibilityStatus;
  /** depends_on_maturity: eligible up to this many days remaining. eligible: a longer reported maturity makes a line ineligible. */
  maxMaturityDays?: number;
  reason: string;
}

export const FRAMEWORK_IDS = ["us_genius_2025", "us_nydfs_2022", "eu_mica_emt", "sg_mas_2023", "hk_stablecoins_2025"] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export interface EligibilityFramework {
  id: FrameworkId;
  name: string;
  jurisdiction: string;
  /** Version of the rule text this table follows, and its date. */
  version: string;
  versionDate: string;
  citation: string;
  url: string;
  rules: Readonly<Record<ReserveCategory, CategoryRule>>;
  depositFloor: { standardPct: string; significantPct: string; citation: string } | null;
}

const yes = (reason: string, maxMaturityDays?: number): CategoryRule =>
  maxMaturityDays === undefined ? { status: "eligible", reason } : { status: "eligible", maxMaturityDays, reason };
const no = (reason: string): CategoryRule => ({ status: "not_eligible", reason });
const ifWithin = (days: number, reason: string): CategoryRule => ({ status: "depends_on_maturity", maxMaturityDays: days, reason });

const UNDISCLOSED = no("Undisclosed assets cannot be matched to any permitted asset, so they count as not eligible.");
const CRYPTO = no("Crypto assets are not among the permitted reserve assets.");
const METALS = no("Precious metals are not among the permitted reserve assets.");
const LOANS = no("Loans are not among the permitted reserve assets.");
const CORPORATE = no("Corporate debt is not among the permitted reserve assets.");
const PAPER = no("Commercial paper and certificates of deposit are not among the permitted reserve assets.");

export const ELIGIBILITY_FRAMEWORKS: readonly EligibilityFramework[] = [
  {
    id: "us_genius_2025",
    name: "US GENIUS Act",
    jurisdiction: "United States",
    version: "Public Law 119-27, signed 2025-07-18",
    versionDate: "2025-07-18",
    citation: "GENIUS Act, Public Law 119-27 (S. 1582), section 4(a) on reserves; 12 U.S.C. 5903",
    url: "https://www.congress.gov/bill/119th-congress/senate-bill/1582/text",
    depositFloor: null,
    rules: {
      cash_deposits: yes(
        "Coins and currency, Federal Reserve balances and demand deposits at insured institutions are listed; reports seldom say whether each bank is insured.",
      ),
      tbills_93d: yes("Treasury bills with 93 days or less remaining are listed."),
      treasury_notes_bonds: ifWithin(93, "Treasuries count only with 93 days or less remaining."),
      repo_overnight: yes("Overnight repo and reverse repo backed by Treasuries are listed."),
      gov_mmf: yes("Government money market funds investing in the listed assets are listed."),
      other_mmf: no("Only government money market funds are listed."),
      commercial_paper_cds: PAPER,
      corporate_bonds: CORPORATE,
      secured_loans: LOANS,
      onchain_crypto: CRYPTO,
      precious_metals: METALS,
      other_undisclosed: UNDISCLOSED,
    },
  },
  {
    id: "us_nydfs_2022",
    name: "NYDFS guidance on US dollar-backed stablecoins",
    jurisdiction: "New York, United States",
    version: "Guidance of 2022-06-08",
    versionDate: "2022-06-08",
    citation:
      "New York State Department of Financial Services, Guidance on the Issuance of U.S. Dollar-Backed Stablecoins, 8 June 2022, reserve requirements",
    url: "https://www.dfs.ny.gov/industry_guidance/industry_letters/il20220608_issuance_stablecoins",
    depositFloor: null,
    rules: {
      cash_deposits: yes("Deposits at US state or federally chartered depository institutions are listed, within limits the DFS approves."),
      tbills_93d: yes("Treasury bills bought three months or less from maturity are listed; the 93-day category is the closest match."),
      treasury_notes_bonds: ifWithin(
        93,
        "Only bills bought three months or less from maturity are listed; longer Treasuries count only with 93 days or less remaining.",
      ),
      repo_overnight: yes("Overnight reverse repo fully collateralised by Treasuries is listed."),
      gov_mmf: yes("Government money market funds are listed, within caps the DFS sets (the caps are not checked here)."),
      other_mmf: no("Only government money market funds are listed."),
      commercial_paper_cds: PAPER,
      corporate_bonds: CORPORATE,
      secured_loans: LOANS,
      onchain_crypto: CRYPTO,
      precious_metals: METALS,
      other_undisclosed: UNDISCLOSED,
    },
  },
  {
    id: "eu_mica_emt",
    name: "EU MiCA, e-money tokens",
    jurisdiction: "European Union",
    version: "Regulation (EU) 2023/1114; e-money token rules apply from 2024-06-30",
    versionDate: "2024-06-30",
    citation:
      "Regulation (EU) 2023/1114 (MiCA), Art. 54 (at least 30% in separate accounts at credit institutions, the rest in highly liquid instruments in the same currency, per Art. 38(1)); Art. 49 (redemption at par)",
    url: "https://eur-lex.europa.eu/eli/reg/2023/1114/oj",
    depositFloor: {
      standardPct: "30",
      significantPct: "60",
      citation: "MiCA Art. 54(a); 60% for significant e-money tokens under Art. 58 and the EBA technical standards",
    },
    rules: {
      cash_deposits: yes(
        "Deposits at credit institutions are the required core; reports seldom say whether each bank is an EU-authorised credit institution.",
      ),
      tbills_93d: yes("Short-dated government debt in the token's currency counts as a highly liquid instrument."),
      treasury_notes_bonds: yes(
        "Government debt in the token's currency counts as a highly liquid instrument; Art. 54 sets no maturity limit.",
      ),
      repo_overnight: yes("Overnight reverse repo on government debt is treated as highly liquid in this mapping."),
      gov_mmf: yes("Funds investing only in highly liquid government instruments are treated as eligible in this mapping."),
      other_mmf: no("Funds holding commercial paper carry more than minimal credit risk."),
      commercial_paper_cds: no("Commercial paper and CDs carry more than minimal credit risk."),
      corporate_bonds: no("Corporate bonds carry more than minimal credit and market risk."),
      secured_loans: LOANS,
      onchain_crypto: CRYPTO,
      precious_metals: METALS,
      other_undisclosed: UNDISCLOSED,
    },
  },
  {
    id: "sg_mas_2023",
    name: "Singapore MAS stablecoin framework",
    jurisdiction: "Singapore",
    version: "Framework announced 2023-08-15",
    versionDate: "2023-08-15",
    citation:
      "Monetary Authority of Singapore, stablecoin regulatory framework and response to consultation, 15 August 2023: reserves in cash, cash equivalents and debt securities with 3 months or less remaining",
    url: "https://www.mas.gov.sg/news/media-releases/2023/mas-finalises-stablecoin-regulatory-framework",
    depositFloor: null,
    rules: {
      cash_deposits: yes("Cash and cash equivalents are listed; a deposit with a reported term over 3 months is not.", 93),
      tbills_93d: yes("Government debt with 3 months or less remaining is listed; the 93-day category is the closest match."),
      treasury_notes_bonds: ifWithin(93, "Government debt counts only with 3 months or less remaining."),
      repo_overnight: yes("Overnight reverse repo on government debt is treated as a cash equivalent in this mapping."),
      gov_mmf: no("Fund units are not among the listed asset types in this mapping's reading of the framework."),
      other_mmf: no("Fund units are not among the listed asset types."),
      commercial_paper_cds: PAPER,
      corporate_bonds: CORPORATE,
      secured_loans: LOANS,
      onchain_crypto: CRYPTO,
      precious_metals: METALS,
      other_undisclosed: UNDISCLOSED,
    },
  },
  {
    id: "hk_stablecoins_2025",
    name: "Hong Kong Stablecoins Ordinance",
    jurisdiction: "Hong Kong",
    version: "Cap. 656, in force 2025-08-01, with the HKMA supervision guideline",
    versionDate: "2025-08-01",
    citation:
      "Stablecoins Ordinance (Cap. 656) and HKMA Guideline on Supervision of Licensed Stablecoin Issuers: deposits of 3 months or less, government or central-bank securities of 1 year or less, overnight reverse repo on such securities",
    url: "https://www.elegislation.gov.hk/hk/cap656",
    depositFloor: null,
    rules: {
      cash_deposits: yes("Cash and deposits of 3 months or less are listed; a deposit with a reported term over 3 months is not.", 93),
      tbills_93d: yes("Government securities of 1 year or less are listed."),
      treasury_notes_bonds: ifWithin(365, "Government securities count only with 1 year or less remaining."),
      repo_overnight: yes("Overnight reverse repo on government securities is listed."),
      gov_mmf: yes("Funds investing only in the listed assets are treated as eligible in this mapping."),
      other_mmf: no("Funds holding assets outside the list are not eligible."),
      commercial_paper_cds: PAPER,
      corporate_bonds: CORPORATE,
      secured_loans: LOANS,
      onchain_crypto: CRYPTO,
      precious_metals: METALS,
      other_undisclosed: UNDISCLOSED,
    },
  },
];

export function getFramework(id: FrameworkId): EligibilityFramework {
  const f = ELIGIBILITY_FRAMEWORKS.find((x) => x.id === id);
  if (!f) throw new Error(`Unknown eligibility framework: ${id}`);
  return f;
}

const UNIT_DAYS: Record<string, number> = {
  d: 1,
  day: 1,
  days: 1,
  w: 7,
  wk: 7,
  week: 7,
  weeks: 7,
  m: 365 / 12,
  mo: 365 / 12,
  month: 365 / 12,
  months: 365 / 12,
  y: 365,
  yr: 365,
  year: 365,
  years: 365,
};
const MATURITY =
  /^(<=|>=|<|>|up to|under|over|more than|less than|at most|at least|within)?\s*(\d+(?:\.\d+)?)\s*(?:(?:-|to)\s*(\d+(?:\.\d+)?)\s*)?([a-z]+)\.?\s*(or less|or more|or longer)?$/;

/** Remaining days a free-text maturity allows ("≤ 93 days", "1-3 years", "> 1y", "overnight", or a YYYY-MM-DD date). Null when not understood. */
export function parseMaturity(text: string | null, asOf: string): { minDays: number; maxDays: number } | null {
  if (!text) return null;
  const t = text.trim().toLowerCase().replace(/≤/g, "<=").replace(/≥/g, ">=").replace(/[–—]/g, "-");
  if (t === "overnight") return { minDays: 1, maxDays: 1 };
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const d = diffDays(t, asOf);
    return { minDays: d, maxDays: d };
  }
  const m = MATURITY.exec(t);
  const unit = m?.[4] ? UNIT_DAYS[m[4]] : undefined;
  if (!m || unit === undefined) return null;
  const a = Number(m[2]) * unit;
  const b = m[3] === undefined ? undefined : Number(m[3]) * unit;
  const op = m[1] ?? m[5] ?? "";
  if (b !== undefined) return { minDays: Math.floor(a), maxDays: Math.ceil(b) };
  // A strict "<" is read as "<=": the wider reading can only make a line undetermined, never wrongly eligible.
  if (["<=", "<", "up to", "under", "less than", "at most", "within", "or less"].includes(op)) return { minDays: 0, maxDays: Math.ceil(a) };
  if ([">", "over", "more than"].includes(op)) return { minDays: Math.floor(a) + 1, maxDays: Infinity };
  if ([">=", "at least", "or more", "or longer"].includes(op)) return { minDays: Math.floor(a), maxDays: Infinity };
  return { minDays: Math.floor(a), maxDays: Math.ceil(a) };
}

export type LineDecision = "eligible" | "not_eligible" | "undetermined";

export interface EligibilityLine {
  category: ReserveCategory;
  custodian: string | null;
  sharePct: Measured;
  decision: LineDecision;
  reason: string;
}

function decide(share: LineShare, rule: CategoryRule, asOf: string): { decision: LineDecision; reason: string } {
  if (rule.status === "not_eligible") return { decision: "not_eligible", reason: rule.reason };
  const maturity = parseMaturity(share.line.maturity, asOf);
  const limit = rule.maxMaturityDays;
  if (rule.status === "eligible") {
    if (limit !== undefined && maturity && maturity.minDays > limit) {
      return { decision: "not_eligible", reason: `Reported maturity exceeds ${limit} days. ${rule.reason}` };
    }
    return { decision: "eligible", reason: rule.reason };
  }
  if (!maturity) return { decision: "undetermined", reason: `Maturity not reported; eligible only within ${limit} days. ${rule.reason}` };
  if (maturity.maxDays <= (limit as number)) return { decision: "eligible", reason: rule.reason };
  if (maturity.minDays > (limit as number)) return { decision: "not_eligible", reason: rule.reason };
  return { decision: "undetermined", reason: `Reported maturity straddles the ${limit}-day limit. ${rule.reason}` };
}

export interface DepositFloorCheck {
  requiredPct: string;
  significant: boolean;
  cashDepositsPct: Measured;
  status: "meets" | "below" | "not_assessed";
  reason: string;
}

export type EligibilityWhy =
  | { kind: "no_composition" }
  | { kind: "no_line_assessable" }
  | { kind: "assessed"; unassessedPct: string | null; upperPct: string | null; overfull: boolean };

export interface EligibleShareResult {
  frameworkId: FrameworkId;
  /** Percent of total reserves; a lower bound when part of the reserves could not be assessed. */
  share: Measured | null;
  /** Highest share the unassessed part would allow (percent), when known. */
  upperPossiblePct: string | null;
  status: "assessed" | "not_assessed";
  reason: string;
  /** The reason's parts, for pages that word it in another language. */
  why: EligibilityWhy;
  /** Categories with lines whose eligibility depends on a maturity the report does not give. */
  unmappedCategories: ReserveCategory[];
  lines: EligibilityLine[];
  depositFloor: DepositFloorCheck | null;
}

const sum = (ms: Measured[]): Measured => (ms.length === 0 ? exactly(0) : addMeasured(...ms));
const num = (m: Measured): Decimal => new Decimal(m.value ?? 0);

/** Σ known shares and the part nobody assessed: the not-captured remainder (which includes lines without a share). */
function knownAndRemainder(shares: LineShare[]): { known: Measured; remainder: Decimal } {
  const known = sum(shares.filter((s) => s.sharePct.value !== null).map((s) => s.sharePct));
  return { known, remainder: Decimal.max(0, new Decimal(100).minus(num(known))) };
}

export function depositFloorCheck(
  a: AttestationData,
  floor: NonNullable<EligibilityFramework["depositFloor"]>,
  significant = false,
): DepositFloorCheck {
  const requiredPct = significant ? floor.significantPct : floor.standardPct;
  const shares = lineShares(a.composition, a.totalReserves);
  const base = { requiredPct, significant };
  if (shares.length === 0) {
    return { ...base, cashDepositsPct: exactly(0), status: "not_assessed", reason: "No composition captured for this report." };
  }
  const cashLines = shares.filter((s) => s.line.category === "cash_deposits" && s.sharePct.value !== null);
  const cashRaw = sum(cashLines.map((s) => s.sharePct));
  const { remainder } = knownAndRemainder(shares);
  const gap = `${remainder.toDecimalPlaces(2).toFixed()} points of reserves are not captured and may include deposits`;
  const cash = remainder.gt(0) ? atLeast(cashRaw, gap) : cashRaw;
  const value = num(cash);
  const maxPossible = value.plus(remainder);
  if (value.gte(requiredPct) && cash.bound !== "upper") {
    return { ...base, cashDepositsPct: cash, status: "meets", reason: `Cash and deposits are at least ${requiredPct}% of reserves.` };
  }
  if (maxPossible.lt(requiredPct) && cashRaw.bound !== "lower") {
    const reason = `Cash and deposits are below ${requiredPct}% of reserves, even counting the part not captured.`;
    return { ...base, cashDepositsPct: cash, status: "below", reason };
  }
  const reason = `The captured figures cannot show whether cash and deposits reach ${requiredPct}%.`;
  return { ...base, cashDepositsPct: cash, status: "not_assessed", reason };
}

export function eligibleShare(
  a: AttestationData,
  framework: EligibilityFramework,
  options: { significant?: boolean } = {},
): EligibleShareResult {
  const shares = lineShares(a.composition, a.totalReserves);
  const lines = shares.map((s): EligibilityLine => ({
    category: s.line.category,
    custodian: s.line.custodian,
    sharePct: s.sharePct,
    ...(s.sharePct.value === null
      ? { decision: "undetermined" as const, reason: s.sharePct.reason ?? "share unknown" }
      : decide(s, framework.rules[s.line.category], a.asOf)),
  }));
  const unmapped = new Set(lines.filter((l) => l.decision === "undetermined" && l.sharePct.value !== null).map((l) => l.category));
  const unmappedCategories = RESERVE_CATEGORIES.filter((c) => unmapped.has(c));
  const depositFloor = framework.depositFloor ? depositFloorCheck(a, framework.depositFloor, options.significant) : null;
  const base = { frameworkId: framework.id, unmappedCategories, lines, depositFloor };
  const decided = lines.filter((l) => l.decision !== "undetermined");
  if (decided.length === 0) {
    const reason =
      lines.length === 0 ? "No composition captured for this report." : "No captured line could be assessed against this framework.";
    const why: EligibilityWhy = { kind: lines.length === 0 ? "no_composition" : "no_line_assessable" };
    return { ...base, share: null, upperPossiblePct: null, status: "not_assessed", reason, why };
  }
  const { known, remainder } = knownAndRemainder(shares);
  const undetermined = lines.filter((l) => l.decision === "undetermined" && l.sharePct.value !== null);
  let eligible = sum(decided.filter((l) => l.decision === "eligible").map((l) => l.sharePct));
  let slack = remainder.plus(num(sum(undetermined.map((l) => l.sharePct))));
  // Lines adding up to more than total reserves: shares are taken of the lines' own sum so the result stays a share.
  // Shares recomputed from amounts carry ten decimals; their sum may pass 100 by rounding alone.
  const overfull = num(known).gt("100.000001");
  if (overfull) {
    eligible = divideMeasured(eligible, known, 100);
    slack = slack.times(100).div(num(known));
  }
  const slackText = slack.toDecimalPlaces(2).toFixed();
  const share = slack.gt(0)
    ? atLeast(eligible, `${slackText} points of reserves could not be assessed (not captured, or maturity not reported)`)
    : eligible;
  const upper = Decimal.min(100, num(eligible).plus(slack)).toDecimalPlaces(10).toFixed();
  const upperText = new Decimal(upper).toDecimalPlaces(2).toFixed();
  const parts = [
    slack.gt(0)
      ? `${slackText} points could not be assessed, so this is a lower bound (at most ${upperText}%).`
      : "All reserves were assessed.",
    overfull ? "Captured lines add up to more than total reserves; shares are of the lines' sum." : "",
    "Other / undisclosed assets count as not eligible.",
  ];
  const why: EligibilityWhy = {
    kind: "assessed",
    unassessedPct: slack.gt(0) ? slackText : null,
    upperPct: slack.gt(0) ? upperText : null,
    overfull,
  };
  return { ...base, share, upperPossiblePct: upper, status: "assessed", reason: parts.filter(Boolean).join(" "), why };
}
