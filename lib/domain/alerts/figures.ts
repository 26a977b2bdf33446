// Alert figures (issue 20): a decimal string, its bound and unit, built from the
// product's own figures and computed values (lib/domain/precision.ts). A figure
// never claims more precision than its source: rounded → approx, lower bound →
// lower, upper bound → upper. How a figure reads ("≈ $39.7 B", in each language)
// is lib/i18n/alerts/figures.ts.
// Pure: no server, framework or database code.
import Decimal from "decimal.js";

import { boundFromPrecision, type Measured } from "@/lib/domain/precision";
import type { Figure } from "@/lib/domain/types";

import type { AlertBound, AlertFigureKey, AlertFigureValue, AlertUnit } from "./payload";

const plain = (v: Decimal.Value) => new Decimal(v).toFixed();

function make(key: AlertFigureKey, value: string, bound: AlertBound, unit: AlertUnit): AlertFigureValue {
  return { key, value, bound, unit };
}

/** A reported amount in USD (total reserves, tokens outstanding, an exposure) with its precision. */
export function usdFigure(key: AlertFigureKey, figure: Figure): AlertFigureValue {
  return make(key, plain(figure.value), boundFromPrecision(figure.precision) as AlertBound, "usd");
}

/** A computed value (a ratio, a difference); null when it has no value. */
export function measuredFigure(key: AlertFigureKey, m: Measured, unit: "pct" | "usd" | "tokens"): AlertFigureValue | null {
  if (m.value === null || m.bound === "unknown") return null;
  return make(key, plain(m.value), m.bound, unit);
}

/** A USD price of one token, as stored ("0.9950"). */
export function priceFigure(key: AlertFigureKey, price: string, bound: AlertBound = "exact"): AlertFigureValue {
  return make(key, plain(price), bound, "price");
}

/** A token amount as read on-chain (exact, possibly with many decimals). */
export function tokensFigure(key: AlertFigureKey, amount: string, bound: AlertBound = "exact"): AlertFigureValue {
  return make(key, plain(amount), bound, "tokens");
}

export function daysFigure(key: AlertFigureKey, days: number): AlertFigureValue {
  return make(key, String(Math.trunc(days)), "exact", "days");
}

/** A percentage in [−100, ∞) from a plain value, with a bound. */
export function pctFigure(key: AlertFigureKey, value: string, bound: AlertBound = "exact"): AlertFigureValue {
  return make(key, plain(value), bound, "pct");
}
