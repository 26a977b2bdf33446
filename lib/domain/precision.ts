// Measured values: a decimal string plus how far it can be trusted, and the
// arithmetic that carries that trust through sums and ratios, keeping the
// direction of every bound (docs/domain.md, "Precision of figures"). How they
// read in a language (digits, money, percentages) is lib/i18n/numbers.ts.
import Decimal from "decimal.js";

import type { Precision } from "@/lib/domain/taxonomy";
import type { Figure } from "@/lib/domain/types";

/** exact; approx ("≈"); lower: true value ≥ shown ("≥"); upper: true value ≤ shown ("≤"); unknown: no value. */
export type Bound = "exact" | "approx" | "lower" | "upper" | "unknown";

export interface Measured {
  value: string | null;
  bound: Bound;
  reason?: string;
}

export const BOUND_SYMBOLS: Record<Bound, string> = { exact: "", approx: "≈", lower: "≥", upper: "≤", unknown: "≈" };

// Ratios keep ten decimals: far below any displayed digit, and it keeps sums of
// shares stable (100 − Σ shares is computed from the same rounded shares).
const RATIO_DECIMALS = 10;

export function toPlain(d: Decimal): string {
  return d.toDecimalPlaces(RATIO_DECIMALS).toFixed();
}

export function unknown(reason: string): Measured {
  return { value: null, bound: "unknown", reason };
}

export function exactly(value: Decimal.Value): Measured {
  return { value: toPlain(new Decimal(value)), bound: "exact" };
}

export function boundFromPrecision(p: Precision): Bound {
  return p === "exact" ? "exact" : p === "rounded" ? "approx" : "lower";
}

export function fromFigure(figure: Figure | null, missingReason = "not reported"): Measured {
  if (!figure) return unknown(missingReason);
  return { value: new Decimal(figure.value).toFixed(), bound: boundFromPrecision(figure.precision) };
}

/** +1: the true value may be higher than shown; −1: it may be lower; 0: no direction. */
function direction(b: Bound): number {
  return b === "lower" ? 1 : b === "upper" ? -1 : 0;
}

/**
 * The bound of a result from signed input bounds: sign +1 where the result
 * grows with the input (numerator, addend), −1 where it shrinks (denominator,
 * subtrahend). Opposite directions cancel any bound, so the result is only "≈".
 */
function combine(inputs: { m: Measured; sign: 1 | -1 }[]): { bound: Bound; reason?: string } {
  const dirs = inputs.map(({ m, sign }) => direction(m.bound) * sign).filter((d) => d !== 0);
  const anyApprox = inputs.some(({ m }) => m.bound === "approx");
  const reasons = inputs.map(({ m }) => m.reason).filter((r): r is string => Boolean(r));
  if (dirs.length === 0) {
    return anyApprox ? { bound: "approx", ...(reasons[0] ? { reason: reasons[0] } : {}) } : { bound: "exact" };
  }
  if (dirs.every((d) => d === dirs[0])) {
    const bound: Bound = dirs[0] === 1 ? "lower" : "upper";
    return anyApprox ? { bound, reason: "a rounded input makes this bound approximate" } : { bound };
  }
  return { bound: "approx", reason: "inputs are bounded in opposite directions, so the result has no bound in either direction" };
}

function firstMissing(ms: Measured[]): Measured | undefined {
  return ms.find((m) => m.value === null);
}

export function addMeasured(...terms: Measured[]): Measured {
  const missing = firstMissing(terms);
  if (missing) return unknown(missing.reason ?? "an input is missing");
  const sum = terms.reduce((acc, t) => acc.plus(t.value as string), new Decimal(0));
  return { value: toPlain(sum), ...combine(terms.map((m) => ({ m, sign: 1 as const }))) };
}

export function subtractMeasured(a: Measured, b: Measured): Measured {
  const missing = firstMissing([a, b]);
  if (missing) return unknown(missing.reason ?? "an input is missing");
  const diff = new Decimal(a.value as string).minus(b.value as string);
  return {
    value: toPlain(diff),
    ...combine([
      { m: a, sign: 1 },
      { m: b, sign: -1 },
    ]),
  };
}

/** num / den × scale (scale 100 gives percent). Directions: docs/domain.md, "Precision of figures". */
export function divideMeasured(num: Measured, den: Measured, scale: Decimal.Value = 1): Measured {
  const missing = firstMissing([num, den]);
  if (missing) return unknown(missing.reason ?? "an input is missing");
  const d = new Decimal(den.value as string);
  if (d.isZero()) return unknown("the denominator is zero");
  const value = toPlain(new Decimal(num.value as string).div(d).times(scale));
  if (num.bound === "lower" && den.bound === "lower") {
    return { value, bound: "approx", reason: "both inputs are lower bounds, so the ratio has no bound in either direction" };
  }
  return {
    value,
    ...combine([
      { m: num, sign: 1 },
      { m: den, sign: -1 },
    ]),
  };
}

/** Widens a value by an unknown non-negative remainder: the true value may be higher. */
export function atLeast(m: Measured, reason: string): Measured {
  if (m.value === null) return m;
  const c = combine([
    { m, sign: 1 },
    { m: { value: "0", bound: "lower" }, sign: 1 },
  ]);
  return { value: m.value, bound: c.bound, reason: c.bound === "lower" ? reason : (c.reason ?? reason) };
}
