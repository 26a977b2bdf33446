// The sizes the issuer charts are drawn at, apart from their builders so a page can name them without loading ECharts.

/**
 * The sizes a chart is drawn at. An SVG scales with the screen, its text too: drawn at 640 px and shown on a 360 px
 * phone, 11 px labels came out at 5 to 6 px. Phones get a drawing of their own (NARROW_CHART_MEDIA), shown at about
 * its own width, its legend wrapped to it and taller to keep room for the plot.
 */
export const CHART_SIZES = {
  wide: { width: 640, height: 340 },
  narrow: { width: 360, height: 460 },
} as const;
export type ChartSize = keyof typeof CHART_SIZES;
/**
 * Screens that get the narrow drawing: phones held upright (360 to 430 px), where it is shown at 0.9 to 1.2 times its
 * size. Wider screens get the wide one at 0.7 times or more (at 481 px), a phone held sideways at about 1.
 */
export const NARROW_CHART_MEDIA = "(max-width: 480px)";
export const isChartSize = (x: unknown): x is ChartSize => x === "wide" || x === "narrow";
