import "server-only";

import type Decimal from "decimal.js";
import { getTranslations } from "next-intl/server";

import type { Bound, Measured } from "@/lib/domain/precision";
import type { DatePrecision, Precision } from "@/lib/domain/taxonomy";
import { formatDay } from "@/lib/i18n/dates";
import { formatPct, formatUsdCompact, type PctFormat } from "@/lib/i18n/numbers";

import { currentLocale } from "./server";

/**
 * Money, percentages and dates in the page's language, keeping the source's
 * precision marks and digits (lib/i18n/numbers.ts). Dates: ISO on English pages,
 * the reader's style on Spanish and Portuguese ones (lib/i18n/dates.ts formatDay).
 */
export async function numberFormatters() {
  const locale = await currentLocale();
  const t = await getTranslations("common");
  return {
    locale,
    usd: (value: Decimal.Value, precision: Precision | Bound) => formatUsdCompact(value, precision, locale),
    pct: (m: Measured, digits: number, opts: Omit<PctFormat, "locale"> = {}) =>
      formatPct(m, digits, { missing: t("notAvailable"), ...opts, locale }),
    date: (iso: string, precision: DatePrecision = "day") => formatDay(iso, locale, precision),
  };
}
export type NumberFormatters = Awaited<ReturnType<typeof numberFormatters>>;
