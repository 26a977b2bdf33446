// The look shared by every chart: colours, patterns, font, and the frame (legend,
// axes, tooltip) the option builders put around their series. Pure data, imported by
// lib/charts/options.ts on the server and never by client code.
//
// Constraints, checked by tests/unit/charts.test.ts:
// - every fill and line colour has at least 3:1 contrast (WCAG 1.4.11, non-text)
//   against both page backgrounds, #ffffff (light) and #121417 (dark). That
//   confines relative luminance to roughly 0.12–0.30, so the palette is built
//   from Okabe-Ito hues moved into that band (orange, sky blue and yellow are too
//   light as published; black is too dark for dark mode).
// - within the band, categories alternate dark (L* ≈ 42–46) and light
//   (L* ≈ 58–61) in RESERVE_CATEGORIES order, which is the stacking order. Two
//   neighbouring areas therefore differ by ~15 L* even when a reader cannot tell
//   the hues apart (adjacent ΔE76 ≥ 14 under simulated deuteranopia, protanopia
//   and tritanopia). Stacked areas are also separated by a thin line in
//   currentColor, and the legend and data table name every category.
// - text and axis lines use the literal "currentColor": ECharts' SVG output keeps
//   it verbatim (fill="currentColor"), and the inlined SVG inherits the page text
//   colour, which flips with prefers-color-scheme.
import type { EChartsOption } from "echarts";

import type { ReserveCategory } from "@/lib/domain/taxonomy";

export const CATEGORY_COLORS: Record<ReserveCategory, string> = {
  cash_deposits: "#0072B2", // Okabe-Ito blue (dark)
  tbills_93d: "#3F98D2", // sky blue, darkened (light)
  treasury_notes_bonds: "#00795A", // bluish green, darkened (dark)
  repo_overnight: "#2EA37F", // bluish green (light)
  gov_mmf: "#8E4A8C", // reddish purple, darkened (dark)
  other_mmf: "#C9719F", // reddish purple (light)
  commercial_paper_cds: "#B84A00", // vermillion, darkened (dark)
  corporate_bonds: "#C98400", // orange, darkened (light)
  secured_loans: "#A8413F", // brick (dark)
  onchain_crypto: "#969A1A", // yellow, darkened to olive (light)
  precious_metals: "#7A6A3A", // bronze (dark)
  other_undisclosed: "#8D8D8D", // neutral grey (light), solid: unlike "not captured"
};

/**
 * Line and point colours for series that are not reserve categories (coverage,
 * publication lag, several issuers on one chart). Same luminance band; pair them
 * with SERIES_SYMBOLS so series stay apart without colour.
 */
export const SERIES_COLORS = ["#0072B2", "#C98400", "#00795A", "#C9719F", "#B84A00", "#3F98D2", "#8E4A8C", "#969A1A"] as const;
export const SERIES_SYMBOLS = ["circle", "rect", "triangle", "diamond", "roundRect", "pin", "arrow", "circle"] as const;

/** Text, axis lines, reference lines: follow the page's text colour. */
export const INK = "currentColor";
/** Grid lines: the text colour, faint, so they work on both backgrounds. */
export const GRID_LINE_OPACITY = 0.18;
/** Bands and legend swatches that need a neutral mid-grey (L ≈ 0.25: 3.5:1 on white, 5.3:1 on #121417). */
export const NEUTRAL = "#8A8F98";
/** Highlight for problems (reporting gaps): the palette's vermillion. */
export const WARN = "#B84A00";

/**
 * Fonts with Helvetica's widths, which zrender assumes when it lays out text on the
 * server (legend items are placed from its estimate): with system-ui, a Linux reader's
 * DejaVu Sans (about 15 % wider) ran each legend label into the next swatch. Arial
 * and Liberation Sans share Helvetica's metrics; sans-serif is the last resort.
 * Single quotes: the value sits in a double-quoted SVG attribute.
 */
export const FONT_FAMILY = "Helvetica, Arial, 'Liberation Sans', sans-serif";

/**
 * A diagonal hatch as a zrender SVG pattern (a plain object, so it survives
 * serialisation to the client chart). The lines use currentColor: pattern content
 * inherits colour from the <svg>, so the hatch flips with dark mode. The background
 * tile is transparent unless `tint` is given.
 */
export function hatchPattern(stroke: string = INK, tint?: { color: string; opacity: number }) {
  const size = 6;
  const lines = {
    tag: "path",
    key: "h",
    attrs: {
      d: "M-1 1L1 -1M0 6L6 0M5 7L7 5",
      stroke,
      "stroke-width": 1,
      "stroke-opacity": 0.6,
    },
    children: [],
  };
  const tile = tint
    ? {
        tag: "rect",
        key: "t",
        attrs: { width: size, height: size, fill: tint.color, "fill-opacity": tint.opacity },
        children: [],
      }
    : null;
  return {
    svgElement: tile ? { tag: "g", key: "g", attrs: {}, children: [tile, lines] } : lines,
    svgWidth: size,
    svgHeight: size,
  };
}

/** The "not captured by us" remainder: a hatch over faint grey, never a solid colour. */
export const NOT_CAPTURED_FILL = hatchPattern(INK, { color: NEUTRAL, opacity: 0.25 });

// ── The frame every builder in lib/charts/options.ts puts around its series ──

export const DEFAULT_CHART_WIDTH = 640;
const FONT_SIZE = 12;
const ZOOM_STRIP = 34;
const LEGEND_GAP = 14;
const LEGEND_ICON = 16;

export function baseOption(description: string, layout: { legendHeight: number; zoom: boolean; trigger: "axis" | "item" }): EChartsOption {
  return {
    animation: false,
    useUTC: true,
    // ECharts puts this on the live chart's container; render.ts copies it onto the static SVG.
    aria: { enabled: true, label: { description } },
    textStyle: { fontFamily: FONT_FAMILY, fontSize: FONT_SIZE, color: INK },
    grid: {
      left: 0,
      right: 12,
      top: layout.legendHeight + 12,
      bottom: layout.zoom ? ZOOM_STRIP : 4,
      // Equivalent of the deprecated containLabel: the axis labels stay inside the grid box.
      outerBoundsMode: "same",
      outerBoundsContain: "axisLabel",
    },
    // Tooltip and dataZoom only matter to the live chart; render.ts drops them for the static SVG.
    tooltip: {
      trigger: layout.trigger,
      appendTo: "body",
      confine: true,
      textStyle: { color: "inherit", fontFamily: FONT_FAMILY, fontSize: FONT_SIZE },
      extraCssText: "background:var(--bg,#fff);color:var(--fg,#16181d);border-color:var(--line,#d9dce1);box-shadow:none",
    },
    ...(layout.zoom
      ? {
          dataZoom: [
            {
              type: "slider",
              xAxisIndex: 0,
              bottom: 4,
              height: 18,
              showDataShadow: false,
              brushSelect: false,
              borderColor: NEUTRAL,
              fillerColor: "rgba(138,143,152,0.3)", // NEUTRAL, translucent: works on both backgrounds
              textStyle: { color: INK },
            },
            // Wheel zoom only with Ctrl, so the page still scrolls over the chart.
            { type: "inside", xAxisIndex: 0, zoomOnMouseWheel: "ctrl", moveOnMouseWheel: false, moveOnMouseMove: false },
          ],
        }
      : {}),
  };
}

/**
 * A plain legend across the top. ECharts does not move the grid out of the way of
 * a wrapping legend, so we predict its rows with Helvetica-like glyph widths (what
 * zrender assumes on the server, and the charts' FONT_FAMILY), plus 5 % slack.
 */
export function legendBlock(names: readonly string[], width = DEFAULT_CHART_WIDTH, icons?: Record<string, object>) {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = LEGEND_ICON + 5 + textWidth(name);
    if (x > 0 && x + w > width) {
      rows += 1;
      x = 0;
    }
    x += w + LEGEND_GAP;
  }
  const option = {
    top: 0,
    left: 0,
    padding: 0,
    itemWidth: LEGEND_ICON,
    itemHeight: 10,
    itemGap: LEGEND_GAP,
    textStyle: { color: INK },
    inactiveColor: NEUTRAL,
    data: names.map((name) => ({ name, ...icons?.[name] })),
  } satisfies EChartsOption["legend"];
  return { option, height: rows * 12 + (rows - 1) * LEGEND_GAP };
}

/** Width in px of a text at the charts' font size, as zrender measures it (estimated per glyph class). */
export function textWidth(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) > 0x7e)
      em += 1; // zrender counts unknown glyphs as 1 em
    else if (/[ fijlrtI.,:;'!|/()[\]-]/.test(ch)) em += 0.3;
    else if (/[mwMW%@]/.test(ch)) em += 0.9;
    else if (/[A-Z]/.test(ch)) em += 0.7;
    else em += 0.55;
  }
  return em * FONT_SIZE * 1.05;
}

export function timeAxis(range: { min?: number; max?: number }): EChartsOption["xAxis"] {
  return {
    type: "time",
    ...range,
    // Reports are dated to the day: a short range (one report) never gets hour ticks.
    minInterval: 86_400_000,
    axisLine: { lineStyle: { color: INK } },
    axisTick: { lineStyle: { color: INK } },
    axisLabel: { color: INK, hideOverlap: true },
    splitLine: { show: false },
  };
}

export function valueAxis(a: { min?: number; max?: number; formatter: string }): EChartsOption["yAxis"] {
  return {
    type: "value",
    min: a.min,
    max: a.max,
    axisLabel: { color: INK, formatter: a.formatter },
    splitLine: { lineStyle: { color: INK, opacity: GRID_LINE_OPACITY } },
  };
}
