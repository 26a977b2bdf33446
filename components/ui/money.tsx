import Decimal from "decimal.js";
import type { Figure } from "@/lib/domain/types";
import { formatUsdCompact, type Bound } from "@/lib/domain/precision";

const PRECISION_NOTE = {
  exact: "exact figure as published",
  rounded: "rounded as published (≈)",
  lower_bound: "a lower bound: the source says “at least” (≥)",
} as const;

const UNITS: [number, string][] = [[1e12, "T"], [1e9, "B"], [1e6, "M"]];

/**
 * A dollar amount shortened for display to three significant digits ("$6.41 B"),
 * truncated toward zero so it never claims more than the figure. Figures that are
 * already rounded or bounds keep the digits their source gave (formatUsdCompact).
 */
export function shortUsd(value: string, bound: Bound): string {
  if (bound !== "exact" && bound !== "approx") return formatUsdCompact(value, bound);
  const d = new Decimal(value);
  const unit = UNITS.find(([size]) => d.abs().gte(size));
  if (!unit) return formatUsdCompact(value, bound);
  const body = d.abs().div(unit[0]).toSignificantDigits(3, Decimal.ROUND_DOWN).toFixed();
  return `${bound === "approx" ? "≈ " : ""}${d.isNegative() ? "−" : ""}$${body} ${unit[1]}`;
}

/**
 * A dollar figure with its precision. Exact figures are shortened for tables
 * (never lengthened): "$6.41 B", with the full published figure in the title.
 */
export function Usd({ figure, compact = true }: { figure: Figure | null; compact?: boolean }) {
  if (!figure) return <span className="sub">not reported</span>;
  const text = compact && figure.precision === "exact" ? shortUsd(figure.value, "exact") : formatUsdCompact(figure.value, figure.precision);
  return (
    <span title={`${formatUsdCompact(figure.value, "exact")}: ${PRECISION_NOTE[figure.precision]}`} data-precision={figure.precision}>
      {text}
    </span>
  );
}
