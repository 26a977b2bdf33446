// Alert figures in the subscriber's language (issue 20): the decimal string, bound
// and unit that lib/domain/alerts/figures.ts builds, written with its precision
// mark. A figure never looks more precise than its source: rounded → "≈", lower
// bound → "≥", upper bound → "≤". The English text is also stored with each
// figure (lib/i18n/alerts/payloads.ts).
// Pure: no server, framework or database code.
import Decimal from "decimal.js";

import type { AlertLocale } from "@/lib/domain/alerts/kinds";
import type { AlertBound, AlertFigureValue } from "@/lib/domain/alerts/payload";
import { BOUND_SYMBOLS } from "@/lib/domain/precision";
import { formatPct, formatUsdCompact, localizeDigits } from "@/lib/i18n/numbers";

import { ALERT_WORDS } from "./words";

/**
 * The figure in a language: "≈ $39.7 B" / "≈ US$39.7 mil M" / "≈ US$ 39,7 bi";
 * "≥ 101.00%"; "$0.9950"; "95,000,000,000 tokens" (token amounts are shown in
 * whole tokens, marked ≈ when that rounds them); "3 days".
 */
export function formatAlertFigure(f: AlertFigureValue, locale: AlertLocale): string {
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
