// A reader's proposed value, read for the correction form: when the suggestion
// names total reserves or tokens outstanding and its text holds one amount
// ("1,100,000", "$39.7 billion", "≈ 66.4B", "at least 2.5 bn"), the form opens
// with that amount in the field. Free text otherwise: the editor reads it.
// Pure: no imports but types.
import type { SuggestionFieldName } from "@/lib/domain/schemas/suggestion";
import type { Figure } from "@/lib/domain/types";

const SCALE_WORDS: Record<string, number> = {
  t: 12,
  tn: 12,
  trillion: 12,
  b: 9,
  bn: 9,
  billion: 9,
  m: 6,
  mm: 6,
  mn: 6,
  million: 6,
  k: 3,
  thousand: 3,
};
const AMOUNT = /(\d[\d,]*(?:\.\d+)?)(?:\s*(trillion|billion|million|thousand|tn|bn|mn|mm|t|b|m|k)\b)?/gi;

/** Moves the decimal point right by `places` in a plain decimal string. */
function shift(digits: string, places: number): string {
  const [int = "0", frac = ""] = digits.split(".");
  const padded = frac.padEnd(places, "0");
  const whole = `${int}${padded.slice(0, places)}`.replace(/^0+(?=\d)/, "");
  const rest = padded.slice(places).replace(/0+$/, "");
  return rest ? `${whole}.${rest}` : whole;
}

/** The single USD amount in a text, with its precision, or null when there is none or more than one. */
export function parseProposedAmount(text: string): Figure | null {
  // Numbers that can be amounts: two digits or more, a decimal, or a scale word ("page 3" is not one, nor a year).
  const amounts = [...text.matchAll(AMOUNT)]
    .filter((m) => /\d{2,}|\d[.,]\d/.test(m[1]!) || m[2])
    .filter((m) => !/^(19|20)\d\d$/.test(m[1]!) || m[2]);
  if (amounts.length !== 1) return null;
  const m = amounts[0]!;
  const raw = m[1]!;
  // "1,100,000" groups thousands; a comma before exactly 1-2 digits at the end is ambiguous: refuse.
  if (/,\d{1,2}$/.test(raw)) return null;
  const plain = raw.replace(/,/g, "");
  const scale = m[2] ? (SCALE_WORDS[m[2].toLowerCase()] ?? 0) : 0;
  const value = shift(plain, scale);
  const before = text.slice(0, m.index).toLowerCase();
  const lower = /(≥|at least|more than|over|above|>=?)\s*\$?\s*$/.test(before);
  const rounded = /(≈|~|about|approx\.?|approximately|around|roughly)\s*\$?\s*$/.test(before) || (scale > 0 && plain.includes("."));
  return { value, precision: lower ? "lower_bound" : rounded || scale > 0 ? "rounded" : "exact" };
}

export type PrefillField = "totalReserves" | "tokensOutstanding";

/** What to put in the correction form for a suggestion, or null when the text is not one clear amount. */
export function suggestionPrefill(field: SuggestionFieldName, proposedValue: string): { field: PrefillField; figure: Figure } | null {
  const target: PrefillField | null =
    field === "total_reserves" ? "totalReserves" : field === "tokens_outstanding" ? "tokensOutstanding" : null;
  if (!target) return null;
  const figure = parseProposedAmount(proposedValue);
  return figure ? { field: target, figure } : null;
}
