// What ECharts writes by itself rather than from our words: month names on time
// axes, and the digits of axis labels and tooltips. Plain JSON, so the server can
// hand it to the live chart along with the option; tiny and dependency-free, so
// the client component may import it (unlike options.ts and palette.ts).
import type { EChartsOption } from "echarts";

export interface ChartLocale {
  /** Jan…Dec in the reader's language; absent: ECharts' English. */
  monthAbbr?: string[];
  /** Decimal mark, when not "." (Portuguese: ","). */
  decimal?: string;
  /** Thousands separator, when not "," (Portuguese: "."). */
  group?: string;
}

/** An axis or tooltip number as the reader writes it: 1234.5 → "1.234,5" with { decimal: ",", group: "." }. */
export function formatChartNumber(value: number, locale: ChartLocale = {}): string {
  // Axis ticks can carry float noise (0.30000000000000004); twelve digits are plenty.
  const plain = String(Number(value.toPrecision(12)));
  if (!locale.decimal && !locale.group) return plain;
  const negative = plain.startsWith("-");
  const [int = "0", frac] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, locale.group ?? ",");
  return `${negative ? "-" : ""}${grouped}${frac ? `${locale.decimal ?? "."}${frac}` : ""}`;
}

/** True when ECharts' own number formatting ("1,234.5") is wrong for the reader. */
export function needsOwnNumbers(locale: ChartLocale = {}): boolean {
  return (locale.decimal !== undefined && locale.decimal !== ".") || (locale.group !== undefined && locale.group !== ",");
}

/**
 * The option with its value-axis label template ("{value}%", "US$ {value} bi")
 * turned into a function that writes the reader's digits. Functions cannot travel
 * in the option from the server, so both the server renderer and the live chart
 * call this on their own copy. English (no decimal or group set): unchanged.
 */
export function withLocalNumbers(option: EChartsOption, locale: ChartLocale = {}): EChartsOption {
  if (!needsOwnNumbers(locale)) return option;
  const localize = (axis: unknown) => {
    const a = axis as { axisLabel?: { formatter?: unknown } } | undefined;
    const template = a?.axisLabel?.formatter;
    if (!a || typeof template !== "string" || !template.includes("{value}")) return axis;
    return { ...a, axisLabel: { ...a.axisLabel, formatter: (v: number) => template.replace("{value}", formatChartNumber(v, locale)) } };
  };
  const yAxis = option.yAxis;
  return { ...option, yAxis: (Array.isArray(yAxis) ? yAxis.map(localize) : localize(yAxis)) as EChartsOption["yAxis"] };
}

/** The init option ECharts takes for month names; it fills in the rest from its English. */
export function echartsLocaleObject(locale: ChartLocale = {}): object | undefined {
  return locale.monthAbbr && locale.monthAbbr.length === 12 ? { time: { monthAbbr: locale.monthAbbr } } : undefined;
}
