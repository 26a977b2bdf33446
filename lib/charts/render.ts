import "server-only";

// Server-side chart rendering to an SVG string that goes straight into the HTML.
// Call it from inside a 'use cache' function: ECharts' setOption reads `new Date()`,
// which Next refuses during the prerender of a plain server component. The function
// itself is pure (same option and size → same string).
import type { EChartsInitOpts, EChartsOption } from "echarts";
import { BarChart, LineChart, ScatterChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent } from "echarts/components";
// `use` renamed: the React hooks lint rule would take it for React's use().
import { init, use as registerEcharts } from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

import { echartsLocaleObject, withLocalNumbers } from "@/lib/charts/locale";
import { compositionSegments, listShares, type CompositionShares } from "@/lib/charts/options";
import { FONT_FAMILY } from "@/lib/charts/palette";
import { CHART_WORDS_EN, type ChartWords } from "@/lib/charts/words";

// Only what our builders use: a smaller module graph makes the cold render faster.
// Tooltip and dataZoom are deliberately absent, they are removed before rendering.
registerEcharts([
  BarChart,
  LineChart,
  ScatterChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);

/**
 * Render an option to a responsive, labelled SVG string. `words` gives ECharts'
 * own text (month names, digit marks) and the fallback label in the option's
 * language; pass the same words the option was built with.
 */
export function renderChartSvg(option: EChartsOption, width: number, height: number, words: ChartWords = CHART_WORDS_EN): string {
  // Interaction-only parts would draw a slider (dataZoom) or nothing at all (tooltip).
  const staticOption: EChartsOption = { ...withLocalNumbers(option, words.echarts), animation: false };
  delete staticOption.dataZoom;
  delete staticOption.tooltip;

  // An object locale is merged over ECharts' English, so only the month names need giving.
  const locale = echartsLocaleObject(words.echarts) as EChartsInitOpts["locale"] | undefined;
  const chart = init(null, null, { renderer: "svg", ssr: true, width, height, ...(locale ? { locale } : {}) });
  let raw: string;
  try {
    chart.setOption(staticOption);
    raw = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  return finishSvg(raw, width, height, accessibleLabel(option, words.chart));
}

function accessibleLabel(option: EChartsOption, fallback: string): string {
  const aria = Array.isArray(option.aria) ? option.aria[0] : option.aria;
  const title = Array.isArray(option.title) ? option.title[0] : option.title;
  return aria?.label?.description ?? title?.text ?? fallback;
}

/**
 * ECharts' SVG (checked against 6.1.0) has a fixed width and height, a <style> of
 * hover rules and ids like "zr0-c0" that are global to the page: two inlined charts
 * would share one clip path and each other's hover rules. It carries no role or
 * label (ECharts' aria support writes to a DOM container, which SSR lacks). And its
 * text is sized by style="" attributes, which the site's Content-Security-Policy
 * (style-src 'self', no 'unsafe-inline') makes browsers ignore; presentation
 * attributes (font-size="12") are not style and always apply.
 */
function finishSvg(raw: string, width: number, height: number, label: string): string {
  const body = raw
    .replace(/^<svg[^>]*>/, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "")
    .replace(/ pointer-events="visible"/g, "")
    .replace(/ style="([^"]*)"/g, (_m, css: string) => styleToAttributes(css))
    // The empty lines of legend-only series, and ECharts' transparent background.
    .replace(/<path d=""[^>]*><\/path>/g, "")
    .replace(/<rect width="[\d.]+" height="[\d.]+" x="0" y="0" fill="none"><\/rect>/, "")
    .replace(/ (transform|stroke-width|x|y)="([^"]+)"/g, (_m, attr: string, v: string) => ` ${attr}="${trimNumbers(v)}"`)
    .replace(/>\s+</g, "><")
    // ECharts numbers instances zr0, zr1, … per process; normalise before hashing.
    .replace(/\bzr\d+-/g, "zr-");
  const prefix = `c${fnv1a(body)}-`;
  const xlink = body.includes("xlink:") ? ' xmlns:xlink="http://www.w3.org/1999/xlink"' : "";
  // No height: with a viewBox and width="100%" the browser derives it from the aspect ratio.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${xlink} viewBox="0 0 ${width} ${height}" width="100%"` +
    ` font-family="${FONT_FAMILY}" role="img" aria-label="${escapeXml(label)}">` +
    body.replace(/\bzr-/g, prefix)
  );
}

/**
 * "font-size:12px;font-family:…;font-weight:bold" or "font: normal bold 12px …" →
 * font-size="12px" font-weight="bold". The family is dropped: every chart uses
 * FONT_FAMILY, set once on the root. Anything else stays a style (none seen so far).
 */
function styleToAttributes(css: string): string {
  const attrs = new Map<string, string>();
  const rest: string[] = [];
  for (const declaration of css.split(";")) {
    const [name = "", ...value] = declaration.split(":");
    const prop = name.trim();
    const v = value.join(":").trim();
    const shorthand = /^(?:(normal|italic|oblique) )?(?:(normal|bold|bolder|lighter|\d00) )?([\d.]+px) /.exec(v);
    if (prop === "font" && shorthand) {
      if (shorthand[1] && shorthand[1] !== "normal") attrs.set("font-style", shorthand[1]);
      if (shorthand[2] && shorthand[2] !== "normal") attrs.set("font-weight", shorthand[2]);
      attrs.set("font-size", shorthand[3] ?? "12px");
    } else if (prop === "font-size" || prop === "font-weight" || prop === "font-style") {
      if (v !== "normal") attrs.set(prop, v);
    } else if (prop && prop !== "font-family") {
      rest.push(`${prop}:${v}`);
    }
  }
  const out = [...attrs].map(([k, v]) => ` ${k}="${v}"`).join("");
  return rest.length > 0 ? `${out} style="${rest.join(";")}"` : out;
}

/** 98.7097 → 98.71: four decimals of a pixel are invisible and cost bytes. */
function trimNumbers(value: string): string {
  return value.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A 100 % stacked bar for a table cell, written by hand rather than by ECharts. Bytes
 * are close (about 600 vs 800 for four segments), but a table has a bar per row, and
 * this needs no ECharts instance per row (a few ms each), no 'use cache' (it reads no
 * clock), fills whatever box it is given (preserveAspectRatio="none") and shows "not
 * captured" as a dashed outline, so there is no <pattern> id to keep unique per row.
 */
export function renderCompositionBarSvg(
  shares: CompositionShares,
  opts: { width?: number | "100%"; height?: number; label?: string; words?: ChartWords } = {},
): string {
  const words = opts.words ?? CHART_WORDS_EN;
  const segments = compositionSegments(shares, undefined, words);
  const total = segments.reduce((s, x) => s + x.value, 0);
  // Shares that add up to less than 100 leave the rest empty; more than 100 are scaled down.
  const scale = total > 100 ? 100 / total : 1;
  let x = 0;
  const rects = segments.map((s) => {
    const w = s.value * scale;
    const rect = s.hatched
      ? `<rect x="${fix(x + 0.3)}" y="0.5" width="${fix(Math.max(w - 0.6, 0.1))}" height="9" fill="none" stroke="currentColor" stroke-dasharray="2 1.5" vector-effect="non-scaling-stroke"/>`
      : `<rect x="${fix(x)}" width="${fix(w)}" height="10" fill="${s.color}"/>`;
    x += w;
    return rect;
  });
  const label = opts.label ?? words.composition.bar(listShares(shares, undefined, undefined, words));
  // A fixed width by default: a percentage width gives a table column no minimum size.
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 10" preserveAspectRatio="none" width="${opts.width ?? 120}" height="${opts.height ?? 12}"` +
    ` role="img" aria-label="${escapeXml(label)}">${rects.join("")}</svg>`
  );
}

const fix = (v: number) => String(Math.round(v * 100) / 100);

/**
 * The same SVG as a file of its own, for <img>: an image does not inherit the
 * page's text colour, so the colour "currentColor" resolves to is set here and
 * follows the reader's light or dark preference (which SVG images see).
 */
export function standaloneSvg(svg: string): string {
  const style = "<style>svg{color:#16181d}@media (prefers-color-scheme:dark){svg{color:#e8eaee}}</style>";
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg.replace(/^(<svg[^>]*>)/, `$1${style}`)}`;
}
