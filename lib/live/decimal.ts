// Exact decimal arithmetic on strings and bigints: amounts and prices never
// pass through a float. A decimal is held as an integer and a scale
// (value = int ÷ 10^scale).

export interface Dec {
  int: bigint;
  scale: number;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Parses "123", "-0.5", "1.000200"; refuses exponents, blanks, "+", NaN. */
export function parseDecimal(text: string): Dec | null {
  const s = text.trim();
  if (!DECIMAL.test(s)) return null;
  const negative = s.startsWith("-");
  const body = negative ? s.slice(1) : s;
  const [whole, frac = ""] = body.split(".");
  const int = BigInt(whole + frac);
  return { int: negative ? -int : int, scale: frac.length };
}

export function isDecimalString(text: string): boolean {
  return parseDecimal(text) !== null;
}

/** The canonical text of a decimal: no trailing zeros in the fraction, no "-0". */
export function formatDecimal(d: Dec): string {
  const negative = d.int < 0n;
  let digits = (negative ? -d.int : d.int).toString();
  if (d.scale > 0) {
    digits = digits.padStart(d.scale + 1, "0");
    const whole = digits.slice(0, digits.length - d.scale);
    const frac = digits.slice(digits.length - d.scale).replace(/0+$/, "");
    digits = frac ? `${whole}.${frac}` : whole;
  }
  if (digits === "0") return "0";
  return negative ? `-${digits}` : digits;
}

/** raw base units ÷ 10^decimals, exactly, as a decimal string. */
export function scaleInteger(raw: bigint, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 77) throw new RangeError(`decimals out of range: ${decimals}`);
  return formatDecimal({ int: raw, scale: decimals });
}

function align(a: Dec, b: Dec): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.int * 10n ** BigInt(scale - a.scale), b.int * 10n ** BigInt(scale - b.scale), scale];
}

export function addDec(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b);
  return { int: x + y, scale };
}

export function subDec(a: Dec, b: Dec): Dec {
  const [x, y, scale] = align(a, b);
  return { int: x - y, scale };
}

export function compareDec(a: Dec, b: Dec): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** value × 10^power (power ≥ 0), exactly: "75.24" × 10^9 → "75240000000". */
export function shiftDec(d: Dec, power: number): Dec {
  if (power >= d.scale) return { int: d.int * 10n ** BigInt(power - d.scale), scale: 0 };
  return { int: d.int, scale: d.scale - power };
}

/** Decimal string arithmetic helpers (inputs must be decimal strings). */
export function decimalString(text: string): string {
  const d = parseDecimal(text);
  if (!d) throw new Error(`not a decimal number: ${JSON.stringify(text)}`);
  return formatDecimal(d);
}

/** Integer division rounding half away from zero. */
export function divRoundHalfAway(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError("division by zero");
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return negative ? -q : q;
}

/**
 * Deviation of a USD price from $1 in basis points, (price − 1) × 10 000,
 * computed exactly and rounded half away from zero to an integer.
 */
export function pegDeviationBp(price: string): number {
  const p = parseDecimal(price);
  if (!p) throw new Error(`not a decimal price: ${JSON.stringify(price)}`);
  const one = 10n ** BigInt(p.scale);
  const bp = divRoundHalfAway((p.int - one) * 10_000n, one);
  return Number(bp);
}

/** True when |price − 1| × 10 000 > bandBp, decided exactly (not on the rounded bp). */
export function outsideBand(price: string, bandBp: number): boolean {
  const p = parseDecimal(price);
  if (!p) throw new Error(`not a decimal price: ${JSON.stringify(price)}`);
  const one = 10n ** BigInt(p.scale);
  let diff = (p.int - one) * 10_000n;
  if (diff < 0n) diff = -diff;
  return diff > BigInt(bandBp) * one;
}

/**
 * A JSON number turned into a decimal string, refused when it may already have
 * lost digits (more than 15 significant digits) or is written with an exponent.
 */
export function jsonNumberToDecimal(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  const text = String(n);
  if (!DECIMAL.test(text)) return null;
  const significant = text.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  if (significant.length > 15) return null;
  return decimalString(text);
}
