// The issuer page's charts as specifications (pure): ECharts options, data tables,
// versions and summaries built from the page model, and their SVG drawing. The cached
// read models that call these live in lib/server/queries/issuer-charts.ts.
import { createHash } from "node:crypto";
import type { EChartsOption } from "echarts";

import { CADENCE_PERIOD_DAYS, effectiveAsOf } from "@/lib/domain/metrics/cadence";
import { COMPLETE_BREAKDOWN_PCT, isCompleteBreakdown } from "@/lib/domain/metrics/composition";
import { RESERVE_CATEGORIES } from "@/lib/domain/taxonomy";
import type { IssuerModel } from "@/lib/domain/views/issuer";
import type { ChartLocale } from "@/lib/charts/locale";
import {
  cadenceScatterOption,
  compositionAreaOption,
  coverageLineOption,
  type CompositionPoint,
  type CoveragePoint,
  type ScaleOpts,
} from "@/lib/charts/options";
import { renderChartSvg } from "@/lib/charts/render";
import { CHART_SIZES, type ChartSize } from "@/lib/charts/sizes";
import { CHART_WORDS_EN, type ChartWords } from "@/lib/charts/words";

/** A chart before rendering: its option, its data table, and a version that changes when either does. */
export interface ChartSpec {
  option: EChartsOption;
  table: { columns: string[]; rows: string[][] };
  /** Present only for charts light enough to ship their option for the live version. */
  interactive?: EChartsOption;
  version: string;
  /** The accessible summary the builders write into the option (aria). */
  summary: string;
  /** What ECharts formats itself (month names, digit marks), for the live chart; empty in English. */
  chartLocale: ChartLocale;
  /** The drawing size the option was laid out for (legend rows, which gap labels fit). */
  size: ChartSize;
}

export interface RenderedChart extends ChartSpec {
  svg: string;
}

export type ChartKey = "compositionShare" | "compositionUsd" | "coverage" | "cadence";
export type IssuerChartSpecs = Record<ChartKey, ChartSpec | null>;
/** A chart as a page links it (its SVG file, summary and live version), without its series or data table. */
export type ChartLink = Pick<ChartSpec, "version" | "summary" | "chartLocale"> & {
  interactive: boolean;
  /** The version of the same chart drawn for phones (CHART_SIZES.narrow). */
  narrowVersion: string;
};
export type IssuerChartLinks = Record<ChartKey, ChartLink | null>;
export type IssuerCharts = Record<ChartKey, RenderedChart | null>;

/**
 * A chart before it is laid out: its data table, and its option at a given width (the points are computed once,
 * the option for each size the page links).
 */
interface Draft {
  table: ChartSpec["table"];
  interactive: boolean;
  option: (width: number) => EChartsOption;
}

function spec(draft: Draft | null, size: ChartSize, words: ChartWords): ChartSpec | null {
  if (!draft) return null;
  const option = draft.option(CHART_SIZES[size].width);
  const { table, interactive } = draft;
  const aria = option.aria as { label?: { description?: string } } | undefined;
  // The words are in the option, and ECharts' own (month names) are hashed too:
  // each language's SVG file gets its own version, so an immutable cache never crosses languages.
  const hashed = Object.keys(words.echarts).length === 0 ? option : [option, words.echarts];
  return {
    option,
    table,
    ...(interactive ? { interactive: option } : {}),
    version: createHash("sha256").update(JSON.stringify(hashed)).digest("base64url").slice(0, 10),
    summary: aria?.label?.description ?? "",
    chartLocale: words.echarts,
    size,
  };
}

export const renderSpec = (c: ChartSpec | null, words: ChartWords): RenderedChart | null =>
  c ? { ...c, svg: renderChartSvg(c.option, CHART_SIZES[c.size].width, CHART_SIZES[c.size].height, words) } : null;

// Ten years of monthly reports stay readable and the SVG small: at most this many points.
const MAX_POINTS = 120;

/** Evenly thinned series that always keeps the first and the latest point. */
export function thin<T>(items: readonly T[], max = MAX_POINTS): T[] {
  if (items.length <= max) return [...items];
  const step = (items.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => items[Math.round(i * step)]!);
}

export function buildCompositionPoints(model: IssuerModel, mode: "share" | "usd"): CompositionPoint[] {
  const byId = new Map(model.compositionOverTime.map((c) => [c.attestationId, c]));
  // Every published report is a point: one whose shares (or amounts) cannot be computed is a gap, never a zero.
  const published = model.rows.filter((r) => r.attestation.state === "published").map((r) => r.attestation);
  const points = published.map((a): CompositionPoint => {
    const c = byId.get(a.id);
    const gap = { asOf: a.asOf, values: {}, gap: true };
    if (!c) return gap;
    // In dollars, only reports whose every line has an amount: a share-only line drawn as $0 would look like a collapse.
    if (mode === "usd" && (c.totalReserves.value === null || c.categories.some((cat) => cat.amountUsd.value === null))) return gap;
    const values: CompositionPoint["values"] = {};
    for (const cat of c.categories) {
      const v = mode === "share" ? cat.sharePct.value : cat.amountUsd.value;
      if (v !== null) values[cat.category] = Number(v);
    }
    if (Object.keys(values).length === 0) return gap;
    const rest = mode === "share" ? c.notCapturedPct.value : c.notCapturedUsd.value;
    return { asOf: c.asOf, values, notCaptured: rest !== null && Number(rest) > 0 ? Number(rest) : 0, partial: !isCompleteBreakdown(c) };
  });
  // A chart of gaps only says nothing: no chart then.
  return points.some((p) => !p.gap) ? points.sort((x, y) => x.asOf.localeCompare(y.asOf)) : [];
}

export function buildCoveragePoints(model: IssuerModel): CoveragePoint[] {
  return model.coverageOverTime.flatMap((c) =>
    c.coveragePct.value === null
      ? []
      : [{ asOf: c.asOf, pct: Number(c.coveragePct.value), bound: c.coveragePct.bound === "unknown" ? "approx" : c.coveragePct.bound }],
  );
}

function compositionChart(model: IssuerModel, mode: "share" | "usd", scale: ScaleOpts, words: ChartWords): Draft | null {
  const points = thin(buildCompositionPoints(model, mode));
  if (points.length === 0) return null;
  const present = RESERVE_CATEGORIES.filter((c) => points.some((p) => (p.values[c] ?? 0) !== 0));
  const fmt = mode === "share" ? words.table.pct : words.table.usd;
  return {
    option: (width) =>
      compositionAreaOption(points, mode, {
        ...scale,
        width,
        subject: model.issuer.name,
        words,
        partialThreshold: COMPLETE_BREAKDOWN_PCT,
      }),
    table: {
      columns: [words.table.asOf, ...present.map((c) => words.categories[c]), words.notCaptured],
      rows: points.map((p) =>
        p.gap
          ? [p.asOf, ...present.map(() => words.table.notGiven), words.table.notGiven]
          : [
              p.asOf,
              ...present.map((c) => (p.values[c] === undefined ? "—" : fmt(p.values[c]!))),
              p.notCaptured ? fmt(p.notCaptured) : "—",
            ],
      ),
    },
    interactive: false,
  };
}

function coverageChart(model: IssuerModel, scale: ScaleOpts, words: ChartWords): Draft | null {
  const points = thin(buildCoveragePoints(model));
  if (points.length === 0) return null;
  const mark = { exact: "", approx: "≈ ", lower: "≥ ", upper: "≤ " } as const;
  return {
    option: (width) => coverageLineOption(points, { ...scale, width, subject: model.issuer.name, words }),
    table: {
      columns: [words.table.asOf, words.table.coverage],
      rows: points.map((p) => [p.asOf, `${mark[p.bound]}${words.table.pct(p.pct)}`]),
    },
    interactive: true,
  };
}

function cadenceChart(model: IssuerModel, scale: ScaleOpts, words: ChartWords): Draft | null {
  const reports = model.rows.filter((r) => r.attestation.state === "published");
  if (reports.length === 0) return null;
  const points = thin(
    reports.map((r) => ({ asOf: effectiveAsOf(r.attestation), lagDays: r.lag?.days ?? null })).sort((a, b) => a.asOf.localeCompare(b.asOf)),
  );
  const cadence = model.issuer.declaredCadence;
  const period = cadence === "none" ? undefined : CADENCE_PERIOD_DAYS[cadence];
  const o = model.cadence.overdue;
  const expected: [number, number] | undefined =
    o.typicalLagDays !== null && o.graceDays !== null ? [o.minLagDays ?? 0, Math.ceil(o.typicalLagDays) + o.graceDays] : undefined;
  return {
    option: (width) =>
      cadenceScatterOption(points, {
        ...scale,
        width,
        subject: model.issuer.name,
        words,
        expectedLag: expected,
        expectedLagLabel: expected ? words.cadence.expectedLagFromHistory(expected[0], expected[1]) : undefined,
        gapDays: period ? Math.round(period * 1.5) : undefined,
      }),
    table: {
      columns: [words.table.asOf, words.table.lagDays],
      rows: points.map((p) => [p.asOf, p.lagDays === null ? words.table.dateUnknown : words.num(p.lagDays)]),
    },
    interactive: true,
  };
}

type Drafts = Record<ChartKey, Draft | null>;

function drafts(model: IssuerModel, scale: ScaleOpts, words: ChartWords): Drafts {
  // Each chart's own builder (two share one, in two modes).
  return {
    compositionShare: compositionChart(model, "share", scale, words),
    compositionUsd: compositionChart(model, "usd", scale, words),
    coverage: coverageChart(model, scale, words),
    cadence: cadenceChart(model, scale, words),
  };
}

const CHART_KEYS = ["compositionShare", "compositionUsd", "coverage", "cadence"] as const satisfies readonly ChartKey[];

/** One value per chart, in page order. */
export function eachChart<T>(f: (key: ChartKey) => T): Record<ChartKey, T> {
  return Object.fromEntries(CHART_KEYS.map((key) => [key, f(key)])) as Record<ChartKey, T>;
}

const specsOf = (d: Drafts, size: ChartSize, words: ChartWords): IssuerChartSpecs => eachChart((key) => spec(d[key], size, words));

/** The issuer's charts laid out at one size (the SVG files: one per size, each with its own version). */
export function issuerChartSpecs(
  model: IssuerModel,
  scale: ScaleOpts = {},
  words: ChartWords = CHART_WORDS_EN,
  size: ChartSize = "wide",
): IssuerChartSpecs {
  return specsOf(drafts(model, scale, words), size, words);
}

function linkOf(wide: ChartSpec | null, narrow: ChartSpec | null): ChartLink | null {
  return (
    wide &&
    narrow && {
      version: wide.version,
      narrowVersion: narrow.version,
      summary: wide.summary,
      chartLocale: wide.chartLocale,
      interactive: wide.interactive !== undefined,
    }
  );
}

/**
 * What the issuer page needs of its charts, at both sizes: a few hundred bytes, where the specs carry every report's
 * figures. The points and tables are computed once; only the options are laid out twice.
 */
export function issuerChartLinks(model: IssuerModel, words: ChartWords = CHART_WORDS_EN): IssuerChartLinks {
  const d = drafts(model, {}, words);
  const wide = specsOf(d, "wide", words);
  const narrow = specsOf(d, "narrow", words);
  return eachChart((key) => linkOf(wide[key], narrow[key]));
}

/** Several issuers' chart drafts on shared scales: one time range, one coverage axis (the compare view); no dollar chart. */
function compareDrafts(models: readonly IssuerModel[], words: ChartWords): { slug: string; name: string; drafts: Drafts }[] {
  const dates = models.flatMap((m) => m.rows.map((r) => effectiveAsOf(r.attestation))).sort();
  const coverageMax = Math.max(110, ...models.flatMap((m) => buildCoveragePoints(m).map((p) => p.pct)));
  const scale: ScaleOpts = { xMin: dates[0], xMax: dates.at(-1), zoom: false };
  return models.map((m) => ({
    slug: m.issuer.slug,
    name: m.issuer.name,
    drafts: {
      compositionShare: compositionChart(m, "share", scale, words),
      compositionUsd: null,
      coverage: coverageChart(m, { ...scale, yMax: Math.ceil(coverageMax / 10) * 10 }, words),
      cadence: cadenceChart(m, scale, words),
    },
  }));
}

/** A compare-view chart as the page shows it: links to its files at both sizes, and its data table. */
export type CompareChart = { link: ChartLink; table: ChartSpec["table"] };
export interface CompareChartView {
  slug: string;
  name: string;
  charts: Record<ChartKey, CompareChart | null>;
}

/** What the compare page needs of its charts: their files' versions at both sizes and their tables, no drawing. */
export function compareChartViews(models: readonly IssuerModel[], words: ChartWords): CompareChartView[] {
  return compareDrafts(models, words).map(({ slug, name, drafts }) => {
    const wide = specsOf(drafts, "wide", words);
    const narrow = specsOf(drafts, "narrow", words);
    return {
      slug,
      name,
      charts: eachChart((key) => {
        const link = linkOf(wide[key], narrow[key]);
        return link && { link, table: wide[key]!.table };
      }),
    };
  });
}

export interface CompareChartItem {
  slug: string;
  name: string;
  charts: IssuerCharts;
}

/** Several issuers' charts drawn on shared scales, at one size (the compare view's SVG files). */
export function compareCharts(models: readonly IssuerModel[], words: ChartWords, size: ChartSize = "wide"): CompareChartItem[] {
  return compareDrafts(models, words).map(({ slug, name, drafts }) => {
    const specs = specsOf(drafts, size, words);
    return { slug, name, charts: eachChart((key) => renderSpec(specs[key], words)) };
  });
}
