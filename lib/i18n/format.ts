import "server-only";
import type Decimal from "decimal.js";
import { getTranslations } from "next-intl/server";
import { formatPct, formatUsdCompact, type Bound, type Measured, type PctFormat } from "@/lib/domain/precision";
import type { Precision } from "@/lib/domain/taxonomy";
import { currentLocale } from "./server";

/** Money and percentages in the page's language, keeping the source's precision marks and digits. */
export async function numberFormatters() {
  const locale = await currentLocale();
  const t = await getTranslations("common");
  return {
    locale,
    usd: (value: Decimal.Value, precision: Precision | Bound) => formatUsdCompact(value, precision, locale),
    pct: (m: Measured, digits: number, opts: Omit<PctFormat, "locale"> = {}) =>
      formatPct(m, digits, { missing: t("notAvailable"), ...opts, locale }),
  };
}
export type NumberFormatters = Awaited<ReturnType<typeof numberFormatters>>;
