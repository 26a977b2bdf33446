import { formatPct, type Measured } from "@/lib/domain/precision";

const BOUND_NOTE = {
  exact: "computed from exact figures",
  approx: "approximate: computed from rounded figures",
  lower: "a lower bound (≥)",
  upper: "an upper bound (≤)",
  unknown: "not available",
} as const;

/** A computed percentage with its bound symbol and, on hover or focus, why. */
export function Pct({ value, digits = 1 }: { value: Measured | null; digits?: number }) {
  if (!value || value.value === null) {
    return (
      <span className="sub" title={value?.reason}>
        n/a
      </span>
    );
  }
  const note = [BOUND_NOTE[value.bound], value.reason].filter(Boolean).join(": ");
  return (
    <span title={note} data-bound={value.bound}>
      {formatPct(value, digits)}
    </span>
  );
}
