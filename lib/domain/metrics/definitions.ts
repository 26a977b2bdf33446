// The methodology registry: what each metric means, how it is computed, and a
// worked example run through the production functions, so the methodology page
// and the code cannot drift apart.
import * as cadence from "@/lib/domain/metrics/cadence";
import * as composition from "@/lib/domain/metrics/composition";
import * as coverage from "@/lib/domain/metrics/coverage";
import * as eligibility from "@/lib/domain/metrics/eligibility";
import * as liquidity from "@/lib/domain/metrics/liquidity";
import { formatPct, formatUsdCompact } from "@/lib/domain/precision";
import { reportData } from "@/lib/domain/report-data";
import { CATEGORY_LABELS, RESERVE_CATEGORIES } from "@/lib/domain/taxonomy";
import type { AttestationData, CompositionLineData, Figure } from "@/lib/domain/types";

/** The modules a definition may point to; tests check every reference resolves to a function. */
export const IMPLEMENTATION_MODULES = {
  "lib/domain/metrics/cadence": cadence,
  "lib/domain/metrics/composition": composition,
  "lib/domain/metrics/coverage": coverage,
  "lib/domain/metrics/eligibility": eligibility,
  "lib/domain/metrics/liquidity": liquidity,
} as const;
type Modules = typeof IMPLEMENTATION_MODULES;
type FunctionNames<T> = { [K in keyof T]: T[K] extends (...args: never[]) => unknown ? K : never }[keyof T] & string;
export type Implementation = { [M in keyof Modules]: { module: M; exportName: FunctionNames<Modules[M]> } }[keyof Modules];

export const METRIC_IDS = [
  "coverage_ratio",
  "composition_shares",
  "not_captured",
  "other_undisclosed_share",
  "eligible_share",
  "mica_deposit_floor",
  "publication_lag",
  "cadence_adherence",
  "overdue",
  "longest_gap",
  "liquidity_ladder",
  "concentration",
  "change_since_previous",
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export interface MetricDefinition {
  id: MetricId;
  name: string;
  formula: string;
  explanation: string;
  inputs: string[];
  edgeCases: string[];
  implementation: Implementation;
}

// Thresholds in the text come from the code, so the page cannot state other numbers than the functions use.
const MICA_FLOOR = (() => {
  const floor = eligibility.getFramework("eu_mica_emt").depositFloor;
  if (!floor) throw new Error("MiCA rule table has no deposit floor");
  return floor;
})();

const bucket = (b: liquidity.LiquidityBucket) =>
  RESERVE_CATEGORIES.filter((c) => liquidity.LIQUIDITY_ASSUMPTIONS[c].bucket === b)
    .map((c) => CATEGORY_LABELS[c])
    .join(", ");

const PRECISION_RULE =
  "A lower-bound input gives a lower bound (≥) when it grows the result and an upper bound (≤) when it shrinks it; inputs bounded in opposite directions give no bound (≈, with the reason).";

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: "coverage_ratio",
    name: "Coverage ratio",
    formula: "total reserves ÷ tokens outstanding × 100",
    explanation:
      "How many dollars of reported reserves stand behind each hundred dollars of tokens, at the report's as-of date. It carries the precision of its inputs. When a report gives a whole group's assets and token liabilities, the figure is labelled as such, because group assets can include investments that do not back tokens.",
    inputs: ["total reserves (with precision)", "tokens outstanding (with precision)", "report scope"],
    edgeCases: [
      PRECISION_RULE,
      "Missing reserves or tokens, or zero tokens: no ratio, with the reason.",
      "Drafts and retracted reports are left out of the series; only the current revision of each report is used.",
    ],
    implementation: { module: "lib/domain/metrics/coverage", exportName: "coverageRatio" },
  },
  {
    id: "composition_shares",
    name: "Composition shares",
    formula: "category amount ÷ total reserves × 100, or the share the source states when no amount is given",
    explanation:
      "The part of reserves held in each category of the shared taxonomy. Amounts are preferred because they can be checked against the total; a composition published only in percentages is used as stated. Several lines of one category (for example at different banks) are added together.",
    inputs: ["composition lines (category, amount with precision, stated share)", "total reserves"],
    edgeCases: [
      "No total reserves: only stated shares can be used.",
      "Lines adding up to more than total reserves are reported as a reconciliation difference.",
      `Which report the composition comes from: the latest whose captured lines cover at least ${composition.COMPLETE_BREAKDOWN_PCT}% of total reserves. A newer report that breaks down less is named with its captured share ("a later report, as of …, breaks down 23% of reserves"), and its lines are never shown as the largest categories, nor used for eligibility, the liquidity ladder, concentration or the comparison table; the API (laterPartialComposition) and issuers.csv (computed_composition_as_of) carry the same choice. Without a report above the threshold, eligibility reads "not assessable from the lines we hold".`,
      PRECISION_RULE,
    ],
    implementation: { module: "lib/domain/metrics/composition", exportName: "compositionShares" },
  },
  {
    id: "not_captured",
    name: "Not captured by us",
    formula: "100 − Σ captured category shares (USD: total reserves − Σ line amounts), never below 0",
    explanation:
      "The part of reserves that no line we captured accounts for. It measures a gap in our data, not the issuer's disclosure, and is kept apart from the issuer's own other / undisclosed line.",
    inputs: ["composition shares", "total reserves"],
    edgeCases: [
      "Unknown when a line has neither an amount usable against the total nor a stated share.",
      "In USD only when every line has an amount.",
    ],
    implementation: { module: "lib/domain/metrics/composition", exportName: "compositionShares" },
  },
  {
    id: "other_undisclosed_share",
    name: "Other / undisclosed share",
    formula: "share of the issuer's own other / undisclosed line",
    explanation: "The part of reserves the issuer itself reports without saying what it is. The larger it is, the less the report shows.",
    inputs: ["composition shares"],
    edgeCases: ["No such line and a fully captured composition: 0.", "No such line and part of the reserves not captured: unknown."],
    implementation: { module: "lib/domain/metrics/composition", exportName: "compositionShares" },
  },
  {
    id: "eligible_share",
    name: "Eligible share per framework",
    formula:
      "Σ shares of lines whose category the framework permits (maturity-dependent categories only when the reported maturity is within the limit)",
    explanation:
      "Our mapping of reported categories to each framework's list of permitted reserve assets, with the source of every rule. Other / undisclosed assets count as not eligible. Reserves we could not assess (not captured, or maturity not reported) make the figure a lower bound, and a report with nothing assessable is marked not assessed rather than not eligible. It is information, not legal advice.",
    inputs: ["composition lines with maturity", "the framework's rule table and its version"],
    edgeCases: [
      "No composition: not assessed.",
      "Maturity-dependent lines without a maturity: listed as unmapped and counted in the upper end only.",
      "Lines above total reserves: shares of the lines' own sum.",
    ],
    implementation: { module: "lib/domain/metrics/eligibility", exportName: "eligibleShare" },
  },
  {
    id: "mica_deposit_floor",
    name: "MiCA deposit floor",
    formula: `cash and deposits share ≥ ${MICA_FLOOR.standardPct}% (${MICA_FLOOR.significantPct}% for significant tokens)`,
    explanation:
      "MiCA asks issuers of e-money tokens to keep a minimum part of the funds in separate accounts at credit institutions. We compare the cash and deposits share with that minimum; reports rarely say whether each bank qualifies.",
    inputs: ["cash and deposits share", "whether the token is significant"],
    edgeCases: [
      "Part of the reserves not captured: met only if the captured deposits already reach the floor; below only if they could not reach it even with the remainder.",
    ],
    implementation: { module: "lib/domain/metrics/eligibility", exportName: "depositFloorCheck" },
  },
  {
    id: "publication_lag",
    name: "Publication lag",
    formula: "publication date − as-of date, in days",
    explanation:
      "How long after the date of the figures a report became public. When only the month of the as-of date is known, we count from that month's last day and say so.",
    inputs: ["as-of date and its precision", "publication date"],
    edgeCases: ["Unknown publication date: no lag.", "Published inside a month-precision as-of month: 0 days."],
    implementation: { module: "lib/domain/metrics/cadence", exportName: "publicationLag" },
  },
  {
    id: "cadence_adherence",
    name: "Cadence adherence",
    formula: "reports found ÷ reports expected × 100, over a date range",
    explanation:
      "Expected reports are the as-of dates the declared cadence implies in the range (calendar month, quarter, half-year or year ends; every day; every full week). Found reports are the published reports with an as-of date in the range, including reports whose figures we have not captured yet.",
    inputs: ["declared cadence", "published reports' as-of dates", "date range"],
    edgeCases: [
      "No declared cadence: nothing expected.",
      "Drafts and retracted reports are not counted.",
      "A period whose report is not yet due still counts if its end lies in the range.",
    ],
    implementation: { module: "lib/domain/metrics/cadence", exportName: "cadenceAdherence" },
  },
  {
    id: "overdue",
    name: "Next report window and overdue",
    formula: `next as-of = last as-of + one period; window = [next + shortest past lag, next + median past lag + grace]; grace = max(${cadence.GRACE_MIN_DAYS} days, ${cadence.GRACE_SHARE_OF_PERIOD * 100}% of the period)`,
    explanation:
      "Each issuer is judged against its own habits, not a single threshold. The next report is expected in a window built from the issuer's past publication lags, and is called overdue only once the window has passed, with the number of days.",
    inputs: ["declared cadence", "past as-of and publication dates", "today's date"],
    edgeCases: [
      `No past lag: the window runs from the next as-of date to ${cadence.DEFAULT_LAG_DAYS} days plus grace after it.`,
      "No reports: no schedule to judge.",
      "No declared cadence: never overdue.",
    ],
    implementation: { module: "lib/domain/metrics/cadence", exportName: "overdueJudgement" },
  },
  {
    id: "longest_gap",
    name: "Longest gap",
    formula: "largest number of days between consecutive as-of dates in the range",
    explanation: "The longest stretch without a report date. It shows interruptions that an average cadence would hide.",
    inputs: ["published reports' as-of dates"],
    edgeCases: ["Fewer than two reports: no gap.", "Month-precision as-of dates count as the month's last day."],
    implementation: { module: "lib/domain/metrics/cadence", exportName: "cadenceAdherence" },
  },
  {
    id: "liquidity_ladder",
    name: "Liquidity ladder",
    formula: "cumulative share of reserves convertible to cash within 1, 7 and 30 days",
    explanation: `When the report states a ladder, it is shown as stated. Otherwise we derive one from the categories, label it derived and state the assumptions (within 1 day: ${bucket("1d")}; within 7 days, also: ${bucket("7d")}; within 30 days, also: ${bucket("30d")}).`,
    inputs: ["reported ladder, or composition shares"],
    edgeCases: ["Undisclosed and not-captured reserves cannot be placed, so derived figures are lower bounds."],
    implementation: { module: "lib/domain/metrics/liquidity", exportName: "liquidityLadder" },
  },
  {
    id: "concentration",
    name: "Concentration",
    formula: "largest Σ share of lines naming the same bank or custodian",
    explanation:
      "How much of the reserves sits with a single named institution, where the report names one. Reserves at unnamed institutions could belong to the same one, so the figure is then a lower bound.",
    inputs: ["composition lines with custodian"],
    edgeCases: ["No line names a custodian: not reported."],
    implementation: { module: "lib/domain/metrics/liquidity", exportName: "custodianConcentration" },
  },
  {
    id: "change_since_previous",
    name: "Change since the previous report",
    formula: "current − previous, per category, in USD and in percentage points",
    explanation:
      "How each category moved between two consecutive published reports of the same issuer. A category missing from a fully captured composition counts as zero; missing from a partly captured one, its change is unknown.",
    inputs: ["two consecutive published reports"],
    edgeCases: ["First report: no change.", "Different scopes: changes compare unlike totals, and a note says so.", PRECISION_RULE],
    implementation: { module: "lib/domain/metrics/composition", exportName: "changeSincePrevious" },
  },
];

const usd = (value: string, precision: Figure["precision"] = "exact"): Figure => ({ value, precision });
const line = (
  category: CompositionLineData["category"],
  amount: string | null,
  extra: Partial<CompositionLineData> = {},
): CompositionLineData => ({
  category,
  amountUsd: amount === null ? null : usd(amount),
  sharePct: null,
  custodian: null,
  maturity: null,
  sourceUrl: null,
  ...extra,
});
function report(id: string, asOf: string, extra: Partial<AttestationData> = {}): AttestationData {
  return reportData({ id, issuerSlug: "example-dollar", asOf, assurance: "examination", opinion: "unqualified", ...extra });
}

const mixed = report("ex-mix", "2025-06-30", {
  totalReserves: usd("200000000"),
  composition: [line("cash_deposits", "50000000"), line("tbills_93d", "100000000"), line("other_undisclosed", "10000000")],
});
const rules = report("ex-rules", "2025-06-30", {
  totalReserves: usd("100000000"),
  composition: [
    line("cash_deposits", "30000000"),
    line("tbills_93d", "40000000"),
    line("treasury_notes_bonds", "20000000"),
    line("commercial_paper_cds", "10000000"),
  ],
});
const monthly = ["2025-01-31", "2025-02-28", "2025-04-30", "2025-06-30"].map((d, i) => report(`ex-m${i}`, d));
const lagged = (
  [
    ["2025-03-31", "2025-05-01"],
    ["2025-04-30", "2025-06-04"],
    ["2025-05-31", "2025-07-11"],
  ] as const
).map(([d, p], i) => report(`ex-l${i}`, d, { publishedOn: p }));
const label = (c: CompositionLineData["category"]) => CATEGORY_LABELS[c];
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Worked example produced no ${what}`);
  return value;
}

export interface WorkedExample {
  input: string;
  run: () => string;
}

export const WORKED_EXAMPLES: Readonly<Record<MetricId, WorkedExample>> = {
  coverage_ratio: {
    input: "Total reserves of at least $50.2 B; tokens outstanding $50,000,000,000 exactly.",
    run: () =>
      formatPct(
        coverage.coverageRatio(
          report("ex-cov", "2025-06-30", { totalReserves: usd("50200000000", "lower_bound"), tokensOutstanding: usd("50000000000") }),
        ).coveragePct,
        1,
      ),
  },
  composition_shares: {
    input: "Total reserves $200,000,000; cash $50,000,000; Treasury bills $100,000,000; other / undisclosed $10,000,000.",
    run: () =>
      composition
        .compositionShares(mixed)
        .categories.map((c) => `${label(c.category)} ${formatPct(c.sharePct, 1)}`)
        .join("; "),
  },
  not_captured: {
    input: "The composition example: lines of $160,000,000 against total reserves of $200,000,000.",
    run: () => {
      const s = composition.compositionShares(mixed);
      return `${formatPct(s.notCapturedPct, 1)} (${formatUsdCompact(s.notCapturedUsd.value ?? "0", s.notCapturedUsd.bound)})`;
    },
  },
  other_undisclosed_share: {
    input: "The composition example: other / undisclosed $10,000,000 of $200,000,000.",
    run: () => formatPct(composition.compositionShares(mixed).otherUndisclosedPct, 1),
  },
  eligible_share: {
    input:
      "Total reserves $100,000,000: cash $30 M, Treasury bills (≤ 93 days) $40 M, longer Treasuries $20 M (maturity not reported), commercial paper $10 M.",
    run: () =>
      eligibility.ELIGIBILITY_FRAMEWORKS.map((f) => {
        const r = eligibility.eligibleShare(rules, f);
        const upto =
          r.share?.bound === "lower" && r.upperPossiblePct
            ? ` (at most ${formatPct({ value: r.upperPossiblePct, bound: "exact" }, 1)})`
            : "";
        return `${f.name}: ${r.share ? formatPct(r.share, 1) : "not assessed"}${upto}`;
      }).join("; "),
  },
  mica_deposit_floor: {
    input: "The eligibility example: cash and deposits $30 M of $100 M.",
    run: () =>
      [false, true]
        .map((significant) => {
          const r = eligibility.depositFloorCheck(rules, MICA_FLOOR, significant);
          return `${r.requiredPct}% floor: ${r.status} (${formatPct(r.cashDepositsPct, 1)})`;
        })
        .join("; "),
  },
  publication_lag: {
    input: "As of March 2025 (month only), published 2025-04-20.",
    run: () => {
      const l = present(
        cadence.publicationLag(report("ex-lag", "2025-03-01", { asOfPrecision: "month", publishedOn: "2025-04-20" })),
        "lag",
      );
      return `${l.days} days${l.fromMonthEnd ? " (from 2025-03-31, the month's last day)" : ""}`;
    },
  },
  cadence_adherence: {
    input: "Monthly cadence, 2025-01-01 to 2025-06-30; reports as of 31 Jan, 28 Feb, 30 Apr and 30 Jun 2025.",
    run: () => {
      const r = cadence.cadenceAdherence(monthly, "monthly", { from: "2025-01-01", to: "2025-06-30" }, "2025-08-01");
      return `${r.reportsFound} of ${r.expectedReports} expected reports (${r.adherencePct}%)`;
    },
  },
  overdue: {
    input:
      "Monthly cadence; reports as of 31 Mar, 30 Apr and 31 May 2025 published after 31, 35 and 41 days; judged on 2025-08-04 and on 2025-08-20.",
    run: () =>
      ["2025-08-04", "2025-08-20"]
        .map((today) => {
          const o = cadence.overdueJudgement(lagged, "monthly", today);
          return `${today}: ${o.status}${o.daysOverdue ? ` by ${o.daysOverdue} days` : ""} (window ${o.windowStart} to ${o.windowEnd})`;
        })
        .join("; "),
  },
  longest_gap: {
    input: "The cadence example: as of 31 Jan, 28 Feb, 30 Apr and 30 Jun 2025.",
    run: () => {
      const g = present(
        cadence.cadenceAdherence(monthly, "monthly", { from: "2025-01-01", to: "2025-06-30" }, "2025-08-01").longestGap,
        "gap",
      );
      return `${g.days} days (${g.from} to ${g.to})`;
    },
  },
  liquidity_ladder: {
    input:
      "Total reserves $100 M: cash $20 M, government funds $10 M, Treasury bills $40 M, corporate bonds $20 M, other / undisclosed $10 M; no ladder in the report.",
    run: () => {
      const l = liquidity.liquidityLadder(
        report("ex-liq", "2025-06-30", {
          totalReserves: usd("100000000"),
          composition: [
            line("cash_deposits", "20000000"),
            line("gov_mmf", "10000000"),
            line("tbills_93d", "40000000"),
            line("corporate_bonds", "20000000"),
            line("other_undisclosed", "10000000"),
          ],
        }),
      );
      return `${l.source}: 1 day ${formatPct(l.within1dPct, 1)}; 7 days ${formatPct(l.within7dPct, 1)}; 30 days ${formatPct(l.within30dPct, 1)}`;
    },
  },
  concentration: {
    input: "Total reserves $100 M: cash $15 M at Bank A, cash $25 M at Bank B, Treasury bills $60 M with no custodian named.",
    run: () => {
      const c = liquidity.custodianConcentration(
        report("ex-conc", "2025-06-30", {
          totalReserves: usd("100000000"),
          composition: [
            line("cash_deposits", "15000000", { custodian: "Bank A" }),
            line("cash_deposits", "25000000", { custodian: "Bank B" }),
            line("tbills_93d", "60000000"),
          ],
        }),
      );
      return c.largest ? `${c.largest.custodian}: ${formatPct(c.largest.sharePct, 1)}` : "not reported";
    },
  },
  change_since_previous: {
    input: "31 Jan 2025: $100 M (cash $40 M, Treasury bills $60 M); 28 Feb 2025: $120 M (cash $30 M, Treasury bills $90 M).",
    run: () => {
      const prev = report("ex-jan", "2025-01-31", {
        totalReserves: usd("100000000"),
        composition: [line("cash_deposits", "40000000"), line("tbills_93d", "60000000")],
      });
      const cur = report("ex-feb", "2025-02-28", {
        totalReserves: usd("120000000"),
        composition: [line("cash_deposits", "30000000"), line("tbills_93d", "90000000")],
      });
      return present(composition.changeSincePrevious([cur, prev], "ex-feb"), "change")
        .changes.map((c) => {
          const v = c.usdChange.value ?? "0";
          return `${label(c.category)}: ${formatPct(c.ppChange, 1, { unit: " pp", signed: true })}, ${v.startsWith("-") ? "" : "+"}${formatUsdCompact(v, c.usdChange.bound)}`;
        })
        .join("; ");
    },
  },
};

export function runWorkedExample(id: MetricId): { input: string; output: string } {
  const example = WORKED_EXAMPLES[id];
  return { input: example.input, output: example.run() };
}
