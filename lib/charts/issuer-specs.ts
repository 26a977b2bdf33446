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
}

export interface RenderedChart extends ChartSpec {
  svg: string;
}

type ChartKey = "compositionShare" | "compositionUsd" | "coverage" | "cadence";
export type IssuerChartSpecs = Record<ChartKey, ChartSpec | null>;
/** A chart as a page links it (its SVG file, summary and live version), without its series or data table. */
export type ChartLink = Pick<ChartSpec, "version" | "summary" | "chartLocale"> & { interactive: boolean };
export type IssuerChartLinks = Record<ChartKey, ChartLink | null>;
export type IssuerCharts = Record<ChartKey, RenderedChart | null>;

function spec(option: EChartsOption, table: ChartSpec["table"], interactive: boolean, words: ChartWords): ChartSpec {
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
  };
}

export const renderSpec = (c: ChartSpec | null, words: ChartWords): RenderedChart | null =>
  c ? { ...c, svg: renderChartSvg(c.option, WIDTH, HEIGHT, words) } : null;

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 340;
const WIDTH = CHART_WIDTH;
const HEIGHT = CHART_HEIGHT;
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

function compositionChart(model: IssuerModel, mode: "share" | "usd", scale: ScaleOpts, words: ChartWords): ChartSpec | null {
  const points = thin(buildCompositionPoints(model, mode));
  if (points.length === 0) return null;
  const present = RESERVE_CATEGORIES.filter((c) => points.some((p) => (p.values[c] ?? 0) !== 0));
  const fmt = mode === "share" ? words.table.pct : words.table.usd;
  return spec(
    compositionAreaOption(points, mode, {
      ...scale,
      width: WIDTH,
      subject: model.issuer.name,
      words,
      partialThreshold: COMPLETE_BREAKDOWN_PCT,
    }),
    {
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
    false,
    words,
  );
}

function coverageChart(model: IssuerModel, scale: ScaleOpts, words: ChartWords): ChartSpec | null {
  const points = thin(buildCoveragePoints(model));
  if (points.length === 0) return null;
  const option = coverageLineOption(points, { ...scale, width: WIDTH, subject: model.issuer.name, words });
  const mark = { exact: "", approx: "≈ ", lower: "≥ ", upper: "≤ " } as const;
  return spec(
    option,
    { columns: [words.table.asOf, words.table.coverage], rows: points.map((p) => [p.asOf, `${mark[p.bound]}${words.table.pct(p.pct)}`]) },
    true,
    words,
  );
}

function cadenceChart(model: IssuerModel, scale: ScaleOpts, words: ChartWords): ChartSpec | null {
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
  const option = cadenceScatterOption(points, {
    ...scale,
    width: WIDTH,
    subject: model.issuer.name,
    words,
    expectedLag: expected,
    expectedLagLabel: expected ? words.cadence.expectedLagFromHistory(expected[0], expected[1]) : undefined,
    gapDays: period ? Math.round(period * 1.5) : undefined,
  });
  return spec(
    option,
    {
      columns: [words.table.asOf, words.table.lagDays],
      rows: points.map((p) => [p.asOf, p.lagDays === null ? words.table.dateUnknown : words.num(p.lagDays)]),
    },
    true,
    words,
  );
}

export function issuerChartSpecs(model: IssuerModel, scale: ScaleOpts = {}, words: ChartWords = CHART_WORDS_EN): IssuerChartSpecs {
  return {
    compositionShare: compositionChart(model, "share", scale, words),
    compositionUsd: compositionChart(model, "usd", scale, words),
    coverage: coverageChart(model, scale, words),
    cadence: cadenceChart(model, scale, words),
  };
}

const linkOf = (c: ChartSpec | null): ChartLink | null =>
  c && { version: c.version, summary: c.summary, chartLocale: c.chartLocale, interactive: c.interactive !== undefined };

/** What the issuer page needs of its charts: a few hundred bytes, where the specs carry every report's figures. */
export function chartLinks(specs: IssuerChartSpecs): IssuerChartLinks {
  return {
    compositionShare: linkOf(specs.compositionShare),
    compositionUsd: linkOf(specs.compositionUsd),
    coverage: linkOf(specs.coverage),
    cadence: linkOf(specs.cadence),
  };
}

export function renderIssuerCharts(model: IssuerModel, scale: ScaleOpts = {}, words: ChartWords = CHART_WORDS_EN): IssuerCharts {
  const specs = issuerChartSpecs(model, scale, words);
  return {
    compositionShare: renderSpec(specs.compositionShare, words),
    compositionUsd: renderSpec(specs.compositionUsd, words),
    coverage: renderSpec(specs.coverage, words),
    cadence: renderSpec(specs.cadence, words),
  };
}

export interface CompareChartItem {
  slug: string;
  name: string;
  charts: IssuerCharts;
}

/** Several issuers' charts drawn on shared scales: one time range, one coverage axis (the compare view). */
export function compareCharts(models: readonly IssuerModel[], words: ChartWords): CompareChartItem[] {
  const dates = models.flatMap((m) => m.rows.map((r) => effectiveAsOf(r.attestation))).sort();
  const coverageMax = Math.max(110, ...models.flatMap((m) => buildCoveragePoints(m).map((p) => p.pct)));
  const scale: ScaleOpts = { xMin: dates[0], xMax: dates.at(-1), zoom: false };
  return models.map((m) => {
    const shared = renderIssuerCharts(m, scale, words);
    const coverage = renderSpec(coverageChart(m, { ...scale, yMax: Math.ceil(coverageMax / 10) * 10 }, words), words);
    return { slug: m.issuer.slug, name: m.issuer.name, charts: { ...shared, coverage, compositionUsd: null } };
  });
}
