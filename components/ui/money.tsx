import Decimal from "decimal.js";
import { getTranslations } from "next-intl/server";

import type { Bound } from "@/lib/domain/precision";
import type { Figure } from "@/lib/domain/types";
import { numberFormatters } from "@/lib/i18n/format";
import { formatUsdCompact, type NumberLocale } from "@/lib/i18n/numbers";

const EN_US = "en-US";
const UNITS: [number, string][] = [
  [1e12, "T"],
  [1e9, "B"],
  [1e6, "M"],
];

/**
 * A dollar amount shortened for display to three significant digits ("$6.41 B"),
 * truncated toward zero so it never claims more than the figure. Figures that are
 * already rounded or bounds keep the digits their source gave (formatUsdCompact).
 * Other languages get their own units and separators ("US$6.41 mil M", "US$ 6,41 bi").
 */
export function shortUsd(value: string, bound: Bound, locale: NumberLocale = "en"): string {
  if (bound !== "exact" && bound !== "approx") return formatUsdCompact(value, bound, locale);
  const d = new Decimal(value);
  const unit = UNITS.find(([size]) => d.abs().gte(size));
  if (!unit) return formatUsdCompact(value, bound, locale);
  const digits = d.abs().div(unit[0]).toSignificantDigits(3, Decimal.ROUND_DOWN);
  const sign = d.isNegative() ? "−" : "";
  if (locale === "en") return `${bound === "approx" ? "≈ " : ""}${sign}$${digits.toFixed()} ${unit[1]}`;
  // The truncated figure written the language's way: the same units' thresholds, so the same digits.
  const body = formatUsdCompact(digits.times(unit[0]), "approx", locale).replace(/^≈ /, "");
  return `${bound === "approx" ? "≈ " : ""}${sign}${body}`;
}

/** A plain published dollar amount such as a minimum redemption ("$100,000"), in the reader's language. */
export function wholeUsd(value: string, locale: NumberLocale): string {
  return locale === "en" ? `$${Number(value).toLocaleString(EN_US)}` : formatUsdCompact(value, "exact", locale);
}

/** A price as stored ("$0.87"), in the reader's language. */
export function priceUsd(value: string, locale: NumberLocale): string {
  return locale === "en" ? `$${value}` : formatUsdCompact(value, "exact", locale);
}

/**
 * A dollar figure with its precision. Exact figures are shortened for tables
 * (never lengthened): "$6.41 B", with the full published figure in the title.
 */
export async function Usd({ figure, compact = true }: { figure: Figure | null; compact?: boolean }) {
  const [t, f] = await Promise.all([getTranslations("issuer.money"), numberFormatters()]);
  if (!figure) return <span className="sub">{t("notReported")}</span>;
  const text = compact && figure.precision === "exact" ? shortUsd(figure.value, "exact", f.locale) : f.usd(figure.value, figure.precision);
  return (
    <span title={`${f.usd(figure.value, "exact")}: ${t(`precisionNote.${figure.precision}`)}`} data-precision={figure.precision}>
      {text}
    </span>
  );
}
