// Pure ECharts option builders: data in, plain JSON out. No React and no echarts
// runtime import, so pages can build an option on the server, render it to SVG
// (lib/charts/render.ts) and hand the very same object to the live chart
// (components/charts/interactive-chart.tsx). Everything must stay serialisable:
// no formatter functions, only string templates. Words come from `words`
// (lib/charts/words.ts): English unless the caller passes another language's.
import type { BarSeriesOption, EChartsOption, LineSeriesOption, ScatterSeriesOption } from "echarts";

import { RESERVE_CATEGORIES, type ReserveCategory } from "@/lib/domain/taxonomy";
import {
  baseOption,
  CATEGORY_COLORS,
  DEFAULT_CHART_WIDTH,
  hatchPattern,
  INK,
  legendBlock,
  NEUTRAL,
  NOT_CAPTURED_FILL,
  SERIES_COLORS,
  textWidth,
  timeAxis,
  valueAxis,
  WARN,
} from "@/lib/charts/palette";
import { CHART_WORDS_EN, type ChartWords, type CoverageBound } from "@/lib/charts/words";

/** Options every builder accepts; fixed scales let the compare view line several issuers up. */
export interface ScaleOpts {
  /** Width in px the SVG will be rendered at (the legend wraps to it). Default 640. */
  width?: number;
  yMin?: number;
  yMax?: number;
  /** Fixed time range, "YYYY-MM-DD". */
  xMin?: string;
  xMax?: string;
  /** Reserve a strip for the live chart's zoom slider (default true for time series). */
  zoom?: boolean;
  /** What is charted, e.g. the issuer's name; used in the accessible summary. */
  subject?: string;
  /** Every word on the chart, in the reader's language. Default: English (CHART_WORDS_EN). */
  words?: ChartWords;
}

export { CHART_WORDS_EN, type ChartWords, type CoverageBound };

/** Calendar date → UTC midnight; with useUTC the axis never shifts by the server's time zone. */
export function utcDay(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Expected a YYYY-MM-DD date, got "${iso}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

// Fewer digits: smaller RSC payload for the live chart, tidier tooltips.
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const percentIn = (words: ChartWords) => (v: number) => `${words.num(round(v, 1))}%`;
const timeRange = (o: ScaleOpts) => ({
  min: o.xMin === undefined ? undefined : utcDay(o.xMin),
  max: o.xMax === undefined ? undefined : utcDay(o.xMax),
});

export const NOT_CAPTURED_LABEL = CHART_WORDS_EN.notCaptured;

export interface CompositionPoint {
  asOf: string;
  /** Percent of total reserves (0–100) in "share" mode, US dollars in "usd" mode. */
  values: Partial<Record<ReserveCategory, number>>;
  /** The remainder our records do not break down, in the same unit as `values`. */
  notCaptured?: number;
  /** A report whose shares (or amounts) cannot be computed: no breakdown, or no total. Drawn as a gap, never as zero. */
  gap?: boolean;
  /**
   * A report whose lines break down less than `partialThreshold` percent of total reserves: drawn (its categories
   * with the hatched remainder above them) and marked with a dashed line, so its dip does not read as a collapse.
   */
  partial?: boolean;
}

/** Stacked area of reserve composition over time, bottom-up in taxonomy order. */
export function compositionAreaOption(
  points: readonly CompositionPoint[],
  mode: "share" | "usd",
  opts: ScaleOpts & { notCapturedLabel?: string; partialThreshold?: number } = {},
): EChartsOption {
  const words = opts.words ?? CHART_WORDS_EN;
  const sorted = [...points].sort((a, b) => a.asOf.localeCompare(b.asOf));
  // Only categories that occur at all: an all-zero series would only add legend noise.
  const present = RESERVE_CATEGORIES.filter((c) => sorted.some((p) => (p.values[c] ?? 0) !== 0));
  const remainderLabel = opts.notCapturedLabel ?? words.notCaptured;
  const sums = sorted.map((p) => present.reduce((s, c) => s + (p.values[c] ?? 0), p.notCaptured ?? 0));
  const maxSum = Math.max(0, ...sums);
  // Shares may overshoot 100 by rounding; only a real overshoot moves the top off 100 %.
  const yMax = opts.yMax ?? (mode === "share" ? (maxSum <= 100.5 ? 100 : Math.ceil(maxSum / 5) * 5) : undefined);
  // One unit for the whole axis, chosen from the top of the scale so charts sharing yMax agree.
  const unit = mode === "share" ? { div: 1, fmt: "{value}%" } : usdUnit(yMax ?? maxSum, words);
  const scaled = (v: number) => round(v / unit.div, mode === "share" ? 2 : 3);
  const line = (name: string, color: string, value: (p: CompositionPoint) => number): LineSeriesOption => ({
    // A report without computable figures breaks every band (null), so the chart shows a gap, not a fall to zero.
    connectNulls: false,
    type: "line",
    name,
    stack: "composition",
    symbol: "none",
    // A thin line in the text colour separates neighbours for readers who cannot tell the hues apart.
    lineStyle: { color: INK, width: 0.75, opacity: 0.55 },
    itemStyle: { color },
    areaStyle: { color, opacity: 1 },
    emphasis: { disabled: true },
    // A report between two gaps has no neighbour to draw an area to: a marker keeps it visible.
    data: sorted.map((p, i) => {
      if (p.gap) return [utcDay(p.asOf), null];
      const point: [number, number] = [utcDay(p.asOf), scaled(value(p))];
      const drawn = (q: CompositionPoint | undefined) => q !== undefined && !q.gap;
      const alone = !drawn(sorted[i - 1]) && !drawn(sorted[i + 1]);
      return alone ? { value: point, symbol: "rect", symbolSize: [4, 4], itemStyle: { color } } : point;
    }),
  });

  const series = present.map((c) => line(words.categories[c], CATEGORY_COLORS[c], (p) => p.values[c] ?? 0));
  if (sorted.some((p) => (p.notCaptured ?? 0) > 0)) {
    series.push({ ...line(remainderLabel, NEUTRAL, (p) => p.notCaptured ?? 0), areaStyle: { color: NOT_CAPTURED_FILL, opacity: 1 } });
  }
  const partial = opts.partialThreshold === undefined ? [] : sorted.filter((p) => p.partial && !p.gap);
  const partialName = opts.partialThreshold === undefined ? "" : words.composition.partialSeries(opts.partialThreshold);
  if (partial.length > 0)
    series.push({
      type: "line",
      name: partialName,
      data: [],
      itemStyle: { color: INK },
      lineStyle: { color: INK, type: "dashed", width: 1 },
      markLine: {
        silent: true,
        symbol: "none",
        label: { show: false },
        lineStyle: { color: INK, type: "dashed", width: 1, opacity: 0.8 },
        data: partial.map((p) => ({ xAxis: utcDay(p.asOf) })),
      },
    });
  const names = series.map((s) => String(s.name));
  // Rect swatches read as areas; the remainder's swatch shows its hatch, or it would pass for a grey category.
  const icons: Record<string, object> = Object.fromEntries(names.map((n) => [n, { icon: "rect" }]));
  icons[remainderLabel] = { icon: "rect", itemStyle: { color: NOT_CAPTURED_FILL, borderColor: INK, borderWidth: 0.5 } };
  // The partial reports' swatch is a short dashed rule, as drawn.
  if (partial.length > 0)
    icons[partialName] = { icon: "path://M0,5 h4 v1 h-4 z M6,5 h4 v1 h-4 z M12,5 h4 v1 h-4 z", itemStyle: { color: INK } };
  const legend = legendBlock(names, opts.width, icons);

  const latest = sorted.filter((p) => !p.gap).at(-1);
  const fmt = mode === "share" ? percentIn(words) : (v: number) => compactUsd(v, words);
  const summary = latest
    ? words.composition.summary(
        words.reportsRange(sorted.length, sorted[0]?.asOf ?? latest.asOf, latest.asOf),
        latest.asOf,
        listShares(latest, fmt, remainderLabel, words),
      ) + (partial.length > 0 ? ` ${words.composition.partialSummary(partial.length, opts.partialThreshold!)}` : "")
    : words.noReports;
  const what = mode === "share" ? words.composition.share : words.composition.usd;
  return {
    ...baseOption(words.composition.description(what, summary, opts.subject || undefined), {
      legendHeight: legend.height,
      zoom: opts.zoom ?? true,
      trigger: "axis",
    }),
    legend: legend.option,
    xAxis: timeAxis(timeRange(opts)),
    yAxis: valueAxis({ min: 0, max: yMax === undefined ? undefined : scaled(yMax), formatter: unit.fmt }),
    series,
  };
}

function usdUnit(max: number, words: ChartWords): { div: number; fmt: string } {
  if (max >= 1e9) return { div: 1e9, fmt: words.usdAxis.billions };
  if (max >= 1e6) return { div: 1e6, fmt: words.usdAxis.millions };
  return { div: 1, fmt: words.usdAxis.units };
}

function compactUsd(v: number, words: ChartWords): string {
  const { div, fmt } = usdUnit(v, words);
  return fmt.replace("{value}", words.num(round(v / div, 2)));
}

export interface CoveragePoint {
  asOf: string;
  /** Reserves ÷ tokens outstanding, in percent (100 = fully covered). */
  pct: number;
  bound: CoverageBound;
}

// How each kind of figure is drawn: hollow shapes are bounds, not measurements. The
// downward triangle is a path rather than a rotated "triangle": legends ignore symbolRotate.
// Their legend labels are words.coverage.bounds.
const BOUND_STYLE: Record<CoverageBound, { symbol: string; hollow: boolean }> = {
  exact: { symbol: "circle", hollow: false },
  approx: { symbol: "diamond", hollow: false },
  lower: { symbol: "triangle", hollow: true },
  upper: { symbol: "path://M0 0L10 0L5 9Z", hollow: true },
};

/** Coverage ratio over time with a reference line at 100 %. */
export function coverageLineOption(
  points: readonly CoveragePoint[],
  opts: ScaleOpts & { color?: string; name?: string } = {},
): EChartsOption {
  const words = opts.words ?? CHART_WORDS_EN;
  const percent = percentIn(words);
  const sorted = [...points].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const color = opts.color ?? SERIES_COLORS[0];
  const lineName = opts.name ?? words.coverage.ratio;
  const values = sorted.map((p) => p.pct);
  // Keep 100 % in view so the reference line is always on the chart.
  const yMin = opts.yMin ?? Math.floor(Math.min(100, ...values) - 2);
  const yMax = opts.yMax ?? Math.ceil(Math.max(100, ...values) + 2);

  const line: LineSeriesOption = {
    type: "line",
    name: lineName,
    symbol: "none",
    lineStyle: { color, width: 1.5 },
    itemStyle: { color },
    emphasis: { disabled: true },
    data: sorted.map((p) => [utcDay(p.asOf), round(p.pct, 2)]),
    markLine: {
      silent: true,
      symbol: ["none", "none"],
      lineStyle: { color: INK, type: "dashed", width: 1, opacity: 0.8 },
      label: { color: INK, position: "insideEndTop", formatter: words.coverage.covered },
      data: [{ yAxis: 100 }],
    },
  };
  const kinds = (Object.keys(BOUND_STYLE) as CoverageBound[]).filter((k) => sorted.some((p) => p.bound === k));
  const marks: ScatterSeriesOption[] = kinds.map((k) => {
    const s = BOUND_STYLE[k];
    return {
      type: "scatter",
      name: words.coverage.bounds[k],
      symbol: s.symbol,
      symbolSize: 8,
      itemStyle: s.hollow ? { color: "none", borderColor: color, borderWidth: 1.5, opacity: 1 } : { color, opacity: 1 },
      data: sorted.filter((p) => p.bound === k).map((p) => [utcDay(p.asOf), round(p.pct, 2)]),
    };
  });

  // A plain stroke for the line's swatch: ECharts would add a circle, which reads as "exact figure".
  const icons = { [lineName]: { icon: "path://M0 4h20v2H0z" } };
  const legend = legendBlock([lineName, ...marks.map((m) => String(m.name))], opts.width, icons);
  const latest = sorted.at(-1);
  const summary = latest
    ? words.coverage.summary(
        words.reportsRange(sorted.length, sorted[0]?.asOf ?? latest.asOf, latest.asOf),
        percent(Math.min(...values)),
        percent(latest.pct),
        words.coverage.bounds[latest.bound].toLowerCase(),
      )
    : words.noReports;
  return {
    ...baseOption(words.coverage.description(summary, opts.subject || undefined), {
      legendHeight: legend.height,
      zoom: opts.zoom ?? true,
      trigger: "axis",
    }),
    legend: legend.option,
    xAxis: timeAxis(timeRange(opts)),
    yAxis: valueAxis({ min: yMin, max: yMax, formatter: "{value}%" }),
    series: [line, ...marks],
  };
}

export interface CadencePoint {
  asOf: string;
  /** Days from the as-of date to publication; null when the publication date is unknown. */
  lagDays: number | null;
}

export interface CadenceOpts extends ScaleOpts {
  /** Publication lag the declared cadence leads readers to expect, [minDays, maxDays]. */
  expectedLag?: readonly [number, number];
  /** Legend text for the band, e.g. "Expected lag (monthly cadence)"; default words.cadence.expectedLag. */
  expectedLagLabel?: string;
  /** Highlight stretches between consecutive as-of dates longer than this many days. */
  gapDays?: number;
}

/** Each report as a point (as-of date × publication lag), the expected band and reporting gaps. */
export function cadenceScatterOption(points: readonly CadencePoint[], opts: CadenceOpts = {}): EChartsOption {
  const words = opts.words ?? CHART_WORDS_EN;
  const sorted = [...points].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const known = sorted.filter((p): p is CadencePoint & { lagDays: number } => p.lagDays !== null);
  const unknown = sorted.filter((p) => p.lagDays === null);
  const series: (ScatterSeriesOption | LineSeriesOption)[] = [
    {
      type: "scatter",
      name: words.cadence.report,
      symbolSize: 7,
      itemStyle: { color: SERIES_COLORS[0], opacity: 1 },
      data: known.map((p) => [utcDay(p.asOf), Math.round(p.lagDays)]),
    },
  ];
  // A report without a known publication date still counts for cadence: it sits
  // on the axis line as a hollow mark, named as such in the legend.
  if (unknown.length > 0) {
    series.push({
      type: "scatter",
      name: words.cadence.undatedSeries,
      symbol: "emptyTriangle",
      symbolSize: 8,
      itemStyle: { color: SERIES_COLORS[1], opacity: 1 },
      data: unknown.map((p) => [utcDay(p.asOf), 0]),
    });
  }
  // Band and gaps ride on empty series so the legend can name them and toggle them; rect swatches.
  const icons: Record<string, object> = {};
  if (opts.expectedLag) {
    const [lo, hi] = opts.expectedLag;
    const name = opts.expectedLagLabel ?? words.cadence.expectedLag(lo, hi);
    const itemStyle = { color: NEUTRAL, opacity: 0.35 };
    icons[name] = { icon: "rect", itemStyle };
    series.push({ type: "line", name, data: [], markArea: { silent: true, itemStyle, data: [[{ yAxis: lo }, { yAxis: hi }]] } });
  }
  const gaps = findGaps(sorted, opts.gapDays);
  if (gaps.length > 0 && opts.gapDays !== undefined) {
    const name = words.cadence.gapSeries(opts.gapDays);
    const itemStyle = { color: hatchPattern(WARN, { color: WARN, opacity: 0.12 }), borderColor: WARN, borderWidth: 0.5 };
    icons[name] = { icon: "rect", itemStyle };
    series.push({
      type: "line",
      name,
      data: [],
      markArea: {
        silent: true,
        itemStyle,
        label: { show: true, position: "insideTop", color: INK, formatter: "{b}" },
        // A band too narrow for its label (a long shared time range, as on the compare page) stays
        // unlabelled: labels of neighbouring gaps ran into each other ("92 d92 d"). Every gap stays
        // drawn, and the chart's text alternative lists each with its dates and days.
        data: gaps.map((g) => {
          const label = `${words.num(g.days)} ${words.dayUnit}`;
          return [{ xAxis: utcDay(g.from), name: fitsBetween(label, g.from, g.to, sorted, opts) ? label : "" }, { xAxis: utcDay(g.to) }];
        }),
      },
    });
  }

  const legend = legendBlock(
    series.map((s) => String(s.name)),
    opts.width,
    icons,
  );
  const lags = known.map((p) => p.lagDays);
  const c = words.cadence;
  const lag =
    (lags.length ? c.lagRange(Math.min(...lags), Math.max(...lags)) : c.noLag) +
    (unknown.length ? ` ${c.undated(unknown.length)}` : "") +
    (opts.expectedLag ? `, ${c.expected(opts.expectedLag[0], opts.expectedLag[1])}` : "");
  const gapText = gaps.length === 0 ? c.noGaps : c.gaps(gaps.map((g) => c.gap(g.from, g.to, g.days)));
  const first = sorted[0]?.asOf;
  const last = sorted.at(-1)?.asOf;
  const summary =
    first === undefined || last === undefined ? words.noReports : c.summary(words.reportsRange(sorted.length, first, last), lag, gapText);
  return {
    ...baseOption(c.description(summary, opts.subject || undefined), {
      legendHeight: legend.height,
      zoom: opts.zoom ?? true,
      trigger: "item",
    }),
    legend: legend.option,
    xAxis: timeAxis(timeRange(opts)),
    yAxis: valueAxis({ min: 0, max: opts.yMax, formatter: `{value} ${words.dayUnit}` }),
    series,
  };
}

/** Room left of and right of a time series' plot (y-axis labels, grid margin), in px: a generous estimate. */
const PLOT_MARGIN_PX = 64;

/**
 * Whether a label fits, with a little room, inside the band from one date to another, at the chart's width and
 * its time range (fixed by the options, or the first and last report, as the axis then spans at least those).
 */
function fitsBetween(label: string, from: string, to: string, sorted: readonly CadencePoint[], opts: ScaleOpts): boolean {
  const min = utcDay(opts.xMin ?? sorted[0]!.asOf);
  const max = utcDay(opts.xMax ?? sorted.at(-1)!.asOf);
  if (max <= min) return true;
  const plot = (opts.width ?? DEFAULT_CHART_WIDTH) - PLOT_MARGIN_PX;
  return ((utcDay(to) - utcDay(from)) / (max - min)) * plot >= textWidth(label) + 8;
}

function findGaps(sorted: readonly CadencePoint[], gapDays: number | undefined) {
  const gaps: { from: string; to: string; days: number }[] = [];
  if (gapDays === undefined) return gaps;
  sorted.forEach((b, i) => {
    const a = sorted[i - 1];
    const days = a ? Math.round((utcDay(b.asOf) - utcDay(a.asOf)) / 86_400_000) : 0;
    if (a && days > gapDays) gaps.push({ from: a.asOf, to: b.asOf, days });
  });
  return gaps;
}

/** One report's composition, in percent of total reserves. */
export type CompositionShares = Pick<CompositionPoint, "values" | "notCaptured">;

/** The non-zero parts of one report in stacking order; the remainder last and hatched. */
export function compositionSegments(shares: CompositionShares, remainderLabel?: string, words: ChartWords = CHART_WORDS_EN) {
  const segments = RESERVE_CATEGORIES.filter((c) => (shares.values[c] ?? 0) > 0).map((c) => ({
    label: words.categories[c],
    value: shares.values[c] ?? 0,
    color: CATEGORY_COLORS[c] as string,
    hatched: false,
  }));
  const rest = shares.notCaptured ?? 0;
  if (rest > 0) segments.push({ label: remainderLabel ?? words.notCaptured, value: rest, color: NEUTRAL, hatched: true });
  return segments;
}

/** "Treasury bills 60%; Cash 30%; …", largest first: the text alternative of one report. */
export function listShares(
  shares: CompositionShares,
  fmt?: (v: number) => string,
  remainderLabel?: string,
  words: ChartWords = CHART_WORDS_EN,
) {
  const format = fmt ?? percentIn(words);
  const parts = compositionSegments(shares, remainderLabel, words).sort((a, b) => b.value - a.value);
  return parts.length === 0 ? words.composition.notReported : parts.map((s) => `${s.label} ${format(s.value)}`).join("; ");
}

/**
 * A one-row 100 % stacked bar, for the live chart or a standalone figure. Table cells
 * should use renderCompositionBarSvg (lib/charts/render.ts) instead; see there why.
 */
export function compositionBarOption(shares: CompositionShares, opts: { words?: ChartWords } = {}): EChartsOption {
  const words = opts.words ?? CHART_WORDS_EN;
  const series: BarSeriesOption[] = compositionSegments(shares, undefined, words).map((s) => ({
    type: "bar",
    name: s.label,
    stack: "total",
    barWidth: "100%",
    itemStyle: { color: s.hatched ? NOT_CAPTURED_FILL : s.color },
    emphasis: { disabled: true },
    data: [round(s.value, 2)],
  }));
  return {
    animation: false,
    aria: { enabled: true, label: { description: words.composition.bar(listShares(shares, undefined, undefined, words)) } },
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: "value", min: 0, max: 100, show: false },
    yAxis: { type: "category", data: [""], show: false },
    tooltip: { trigger: "item", appendTo: "body", formatter: "{a}: {c}%" },
    series,
  };
}
