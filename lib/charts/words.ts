// Every word the chart builders (options.ts), the renderer (render.ts) and the
// issuer charts' read model put on a chart or in its data table. The builders
// default to CHART_WORDS_EN, the site's original wording, word for word (tests
// assert on it); pages in other languages pass words built from the message
// catalogue by chartWordsFromMessages (lib/charts/catalogue-words.ts).
// Dates stay ISO (2024-03-31) in every language, like the data tables.
import { CATEGORY_LABELS, type ReserveCategory } from "@/lib/domain/taxonomy";
import type { ChartLocale } from "@/lib/charts/locale";

export type CoverageBound = "exact" | "approx" | "lower" | "upper";

export interface ChartWords {
  /** A number inside a sentence or label, in the reader's digits (99.5 → "99,5" in Portuguese). */
  num: (value: number) => string;
  /** Month names and digit marks for what ECharts formats itself. */
  echarts: ChartLocale;
  /** The renderer's label for a chart that has no summary of its own. */
  chart: string;
  categories: Record<ReserveCategory, string>;
  /** The remainder our records do not break down. */
  notCaptured: string;
  /** The whole summary when a chart has no data. */
  noReports: string;
  /** "6 reports from 2015-01-31 to 2015-06-30" */
  reportsRange: (count: number, from: string, to: string) => string;
  /** ECharts label templates for dollar axes ("${value}B"); "{value}" is ECharts' placeholder. */
  usdAxis: { billions: string; millions: string; units: string };
  /** Unit after day counts on the cadence axis and its gap labels ("30 d"). */
  dayUnit: string;
  composition: {
    share: string;
    usd: string;
    /** "<range>. Latest (<date>): <list>." */
    summary: (range: string, latestAsOf: string, list: string) => string;
    description: (what: string, summary: string, subject?: string) => string;
    /** The list of shares of a report without any. */
    notReported: string;
    /** The composition bar's label. */
    bar: (list: string) => string;
    /** Legend name of the dashed lines at partial reports (COMPLETE_BREAKDOWN_PCT). */
    partialSeries: (threshold: number) => string;
    /** The text alternative's sentence on partial reports. */
    partialSummary: (count: number, threshold: number) => string;
  };
  coverage: {
    ratio: string;
    /** The reference line's label. */
    covered: string;
    bounds: Record<CoverageBound, string>;
    summary: (range: string, lowest: string, latest: string, bound: string) => string;
    description: (summary: string, subject?: string) => string;
  };
  cadence: {
    report: string;
    undatedSeries: string;
    expectedLag: (min: number, max: number) => string;
    /** The issuer page's band, drawn from the issuer's own history. */
    expectedLagFromHistory: (min: number, max: number) => string;
    gapSeries: (days: number) => string;
    lagRange: (min: number, max: number) => string;
    noLag: string;
    undated: (count: number) => string;
    expected: (min: number, max: number) => string;
    noGaps: string;
    gaps: (items: string[]) => string;
    gap: (from: string, to: string, days: number) => string;
    /** "<range>; <lag>; <gaps>." where lag already carries the undated count and the expected band. */
    summary: (range: string, lag: string, gaps: string) => string;
    description: (summary: string, subject?: string) => string;
  };
  table: {
    asOf: string;
    coverage: string;
    lagDays: string;
    dateUnknown: string;
    /** A report that gives no breakdown or no total: its row in a composition data table. */
    notGiven: string;
    /** A share or coverage cell, one decimal: 12.5 → "12.5%". */
    pct: (value: number) => string;
    /** A dollar cell: "$1.23 B", "$456.7 M". */
    usd: (value: number) => string;
  };
}

const forSubject = (subject?: string) => (subject ? ` for ${subject}` : "");

export const CHART_WORDS_EN: ChartWords = {
  num: (v) => String(v),
  echarts: {},
  chart: "Chart",
  categories: CATEGORY_LABELS,
  notCaptured: "Not captured by us",
  noReports: "no reports.",
  reportsRange: (count, from, to) => `${count} reports from ${from} to ${to}`,
  usdAxis: { billions: "${value}B", millions: "${value}M", units: "${value}" },
  dayUnit: "d",
  composition: {
    share: "as a share of total reserves",
    usd: "in US dollars",
    summary: (range, date, list) => `${range}. Latest (${date}): ${list}.`,
    description: (what, summary, subject) => `Stacked area chart of reserve composition${forSubject(subject)}, ${what}: ${summary}`,
    notReported: "not reported",
    bar: (list) => `Reserve composition: ${list}.`,
    partialSeries: (threshold) => `Partial report (under ${threshold}% of reserves broken down)`,
    partialSummary: (count, threshold) =>
      `${count} ${count === 1 ? "report breaks" : "reports break"} down less than ${threshold}% of total reserves (dashed lines): the hatch above them is what they leave out, not a fall in the categories.`,
  },
  coverage: {
    ratio: "Coverage ratio",
    covered: "100% covered",
    bounds: {
      exact: "Exact figure",
      approx: "Approximate (rounded)",
      lower: "Lower bound (at least)",
      upper: "Upper bound (at most)",
    },
    summary: (range, lowest, latest, bound) => `${range}; lowest ${lowest}, latest ${latest} (${bound}).`,
    description: (summary, subject) =>
      `Line chart of the coverage ratio${forSubject(subject)} (reserves as a percentage of tokens outstanding; 100% means fully covered): ${summary}`,
  },
  cadence: {
    report: "Report (days from as-of date to publication)",
    undatedSeries: "Report, publication date unknown (on the axis)",
    expectedLag: (min, max) => `Expected lag (${min}–${max} days)`,
    expectedLagFromHistory: (min, max) => `Expected lag, from the issuer's own past lags (${min}–${max} days)`,
    gapSeries: (days) => `Gap over ${days} days between reports`,
    lagRange: (min, max) => `publication lag ${min} to ${max} days`,
    noLag: "no publication date known",
    undated: (count) => `(${count} without a publication date)`,
    expected: (min, max) => `expected ${min}–${max} days`,
    noGaps: "no gaps",
    gaps: (items) => `gaps: ${items.join("; ")}`,
    gap: (from, to, days) => `${from} to ${to} (${days} days)`,
    summary: (range, lag, gaps) => `${range}; ${lag}; ${gaps}.`,
    description: (summary, subject) =>
      `Scatter chart of reporting cadence${forSubject(subject)}, each report placed at its as-of date and the days it took to publish: ${summary}`,
  },
  table: {
    asOf: "As of",
    coverage: "Coverage",
    lagDays: "Lag (days)",
    dateUnknown: "publication date unknown",
    notGiven: "not given",
    pct: (v) => `${v.toFixed(1)}%`,
    usd: (v) => (v >= 1e9 ? `$${(v / 1e9).toFixed(2)} B` : `$${(v / 1e6).toFixed(1)} M`),
  },
};
