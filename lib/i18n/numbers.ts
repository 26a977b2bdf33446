// Numbers in the reader's language: digits with each language's separators,
// money in compact units and percentages, each with its precision mark. The
// precision model itself (Measured, Bound, the arithmetic) is lib/domain/precision.ts;
// this module only writes it down for people. Pure: no framework or request, so
// charts, components, feeds and alert messages all share it.
import Decimal from "decimal.js";

import { BOUND_SYMBOLS, boundFromPrecision, type Bound, type Measured } from "@/lib/domain/precision";
import type { Precision } from "@/lib/domain/taxonomy";

/**
 * How numbers read in each language the site speaks. Units are words readers
 * know: "B" would mean a million millions to a Spanish reader (billón), so
 * Spanish writes "mil M" and Portuguese "bi". Separators follow es-419 / pt-BR.
 */
export type NumberLocale = "en" | "es" | "pt";
interface NumberStyle {
  group: string;
  decimal: string;
  units: [Decimal, string][];
  /** Where the currency sign goes: "$1.2 B" or "US$ 1,2 bi". */
  currency: (body: string) => string;
}
const NUMBER_STYLES: Record<NumberLocale, NumberStyle> = {
  en: {
    group: ",",
    decimal: ".",
    units: [
      [new Decimal("1e12"), "T"],
      [new Decimal("1e9"), "B"],
      [new Decimal("1e6"), "M"],
    ],
    currency: (body) => `$${body}`,
  },
  es: {
    group: ",",
    decimal: ".",
    units: [
      [new Decimal("1e12"), "B"],
      [new Decimal("1e9"), "mil M"],
      [new Decimal("1e6"), "M"],
    ],
    currency: (body) => `US$${body}`,
  },
  pt: {
    group: ".",
    decimal: ",",
    units: [
      [new Decimal("1e12"), "tri"],
      [new Decimal("1e9"), "bi"],
      [new Decimal("1e6"), "mi"],
    ],
    currency: (body) => `US$ ${body}`,
  },
};

/** "1234567.5" → "1,234,567.5" (en) or "1.234.567,5" (pt): only the digits given. */
export function localizeDigits(plain: string, locale: NumberLocale = "en", group = true): string {
  const style = NUMBER_STYLES[locale];
  const negative = plain.startsWith("-");
  const [int, frac] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = group ? (int ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, style.group) : (int ?? "0");
  return `${negative ? "-" : ""}${grouped}${frac ? `${style.decimal}${frac}` : ""}`;
}

/**
 * "$1,234,567" for exact figures; "≈ $39.7 B" / "≥ $66.4 B" otherwise, showing
 * only the digits the stored value has (trailing zeros trimmed): a rounded
 * figure must never look more precise than its source.
 */
export function formatUsdCompact(value: Decimal.Value, precision: Precision | Bound, locale: NumberLocale = "en"): string {
  const style = NUMBER_STYLES[locale];
  const bound: Bound = precision === "rounded" || precision === "lower_bound" ? boundFromPrecision(precision) : precision;
  const d = new Decimal(value);
  const sign = d.isNegative() && !d.isZero() ? "-" : "";
  const abs = d.abs();
  let body: string;
  const unit = bound === "exact" ? undefined : style.units.find(([size]) => abs.gte(size));
  if (unit) {
    body = `${localizeDigits(abs.div(unit[0]).toFixed(), locale)} ${unit[1]}`;
  } else {
    const [int, frac] = abs.toFixed().split(".");
    body = localizeDigits(`${int ?? "0"}${frac ? `.${frac.padEnd(2, "0")}` : ""}`, locale);
  }
  const symbol = BOUND_SYMBOLS[bound];
  return `${symbol ? `${symbol} ` : ""}${sign}${style.currency(body)}`;
}

export interface PctFormat {
  /** "%" (default) or " pp" for percentage-point changes. */
  unit?: "%" | " pp";
  /** Prefix positive values with "+" (for changes). */
  signed?: boolean;
  /** Decimal separator of the reader's language (default English). */
  locale?: NumberLocale;
  /** Text when there is no value (default "not available"). */
  missing?: string;
}

/**
 * "≥ 101.2%". Bounds round away from the claim they make (a lower bound is
 * rounded down, an upper bound up) so the displayed bound stays true.
 */
export function formatPct(m: Measured, digits: number, opts: PctFormat = {}): string {
  if (m.value === null) return opts.missing ?? "not available";
  const mode = m.bound === "lower" ? Decimal.ROUND_FLOOR : m.bound === "upper" ? Decimal.ROUND_CEIL : Decimal.ROUND_HALF_UP;
  const d = new Decimal(m.value).toDecimalPlaces(digits, mode);
  const text = d.isZero() ? d.abs().toFixed(digits) : d.toFixed(digits);
  const plus = opts.signed && d.gt(0) ? "+" : "";
  const symbol = BOUND_SYMBOLS[m.bound];
  return `${symbol ? `${symbol} ` : ""}${plus}${localizeDigits(text, opts.locale, false)}${opts.unit ?? "%"}`;
}
