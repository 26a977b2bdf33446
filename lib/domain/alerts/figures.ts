// Alert figures (issue 20): a decimal string, its bound and unit, and an English
// display text carrying the precision mark, built from the product's own
// figures and computed values (lib/domain/precision.ts), and shown again in the
// subscriber's language by formatAlertFigure. A figure never looks more precise
// than its source: rounded → "≈", lower bound → "≥", upper bound → "≤".
// Pure: no server, framework or database code.
import Decimal from "decimal.js";

import { BOUND_SYMBOLS, boundFromPrecision, formatPct, formatUsdCompact, localizeDigits, type Measured } from "@/lib/domain/precision";
import type { Figure } from "@/lib/domain/types";

import type { AlertLocale } from "./kinds";
import type { AlertBound, AlertFigure, AlertFigureKey, AlertUnit } from "./payload";
import { ALERT_WORDS } from "./words";

const plain = (v: Decimal.Value) => new Decimal(v).toFixed();

function make(key: AlertFigureKey, value: string, bound: AlertBound, unit: AlertUnit): AlertFigure {
  const f = { key, value, bound, unit, text: "" };
  return { ...f, text: formatAlertFigure(f, "en") };
}

/** A reported amount in USD (total reserves, tokens outstanding, an exposure) with its precision. */
export function usdFigure(key: AlertFigureKey, figure: Figure): AlertFigure {
  return make(key, plain(figure.value), boundFromPrecision(figure.precision) as AlertBound, "usd");
}

/** A computed value (a ratio, a difference); null when it has no value. */
export function measuredFigure(key: AlertFigureKey, m: Measured, unit: "pct" | "usd" | "tokens"): AlertFigure | null {
  if (m.value === null || m.bound === "unknown") return null;
  return make(key, plain(m.value), m.bound, unit);
}

/** A USD price of one token, as stored ("0.9950"). */
export function priceFigure(key: AlertFigureKey, price: string, bound: AlertBound = "exact"): AlertFigure {
  return make(key, plain(price), bound, "price");
}

/** A token amount as read on-chain (exact, possibly with many decimals). */
export function tokensFigure(key: AlertFigureKey, amount: string, bound: AlertBound = "exact"): AlertFigure {
  return make(key, plain(amount), bound, "tokens");
}

export function daysFigure(key: AlertFigureKey, days: number): AlertFigure {
  return make(key, String(Math.trunc(days)), "exact", "days");
}

/** A percentage in [−100, ∞) from a plain value, with a bound. */
export function pctFigure(key: AlertFigureKey, value: string, bound: AlertBound = "exact"): AlertFigure {
  return make(key, plain(value), bound, "pct");
}

/**
 * The figure in a language: "≈ $39.7 B" / "≈ US$39.7 mil M" / "≈ US$ 39,7 bi";
 * "≥ 101.00%"; "$0.9950"; "95,000,000,000 tokens" (token amounts are shown in
 * whole tokens, marked ≈ when that rounds them); "3 days".
 */
export function formatAlertFigure(f: Pick<AlertFigure, "key" | "value" | "bound" | "unit">, locale: AlertLocale): string {
  const words = ALERT_WORDS[locale];
  switch (f.unit) {
    case "usd":
      return formatUsdCompact(f.value, f.bound, locale);
    case "price":
      return formatUsdCompact(f.value, f.bound, locale);
    case "pct":
      return formatPct({ value: f.value, bound: f.bound }, 2, { locale, signed: f.key === "divergence" || f.key === "deviation" });
    case "days":
      return words.days(localizeDigits(f.value, locale));
    case "tokens": {
      const exact = new Decimal(f.value);
      const whole = exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      const bound: AlertBound = f.bound === "exact" && !whole.eq(exact) ? "approx" : f.bound;
      const symbol = BOUND_SYMBOLS[bound];
      return `${symbol ? `${symbol} ` : ""}${localizeDigits(whole.toFixed(), locale)} ${words.tokens}`;
    }
  }
}
