// The methodology registry: what each metric means and how it is computed, naming
// the production function that computes it, so the methodology page and the code
// cannot drift apart. The illustrative worked examples run through those functions
// are lib/i18n/illustrative-examples.ts, since their output is text for people.
import * as cadence from "@/lib/domain/metrics/cadence";
import * as composition from "@/lib/domain/metrics/composition";
import * as coverage from "@/lib/domain/metrics/coverage";
import * as eligibility from "@/lib/domain/metrics/eligibility";
import * as liquidity from "@/lib/domain/metrics/liquidity";
import { CATEGORY_LABELS, RESERVE_CATEGORIES } from "@/lib/domain/taxonomy";

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
export const MICA_FLOOR = (() => {
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
      `On the composition charts a report whose lines break down less than ${composition.COMPLETE_BREAKDOWN_PCT}% of total reserves is drawn with its remainder hatched and marked with a dashed line: its categories dip because the report leaves them out, not because they fell.`,
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
