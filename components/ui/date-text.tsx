import { formatAsOf } from "@/lib/domain/dates";
import type { DatePrecision } from "@/lib/domain/taxonomy";
import { formatDay } from "@/lib/i18n/dates";
import type { Locale } from "@/i18n/routing";

/**
 * A calendar date shown as its own element: in the reader's style
 * (lib/domain/dates.ts formatDay: ISO on English pages), with the ISO date in
 * dateTime for machines. No next-intl: client components can use it too, given
 * the page's locale.
 */
export function DateText({ iso, locale, precision = "day" }: { iso: string; locale: Locale; precision?: DatePrecision }) {
  return <time dateTime={formatAsOf(iso, precision)}>{formatDay(iso, locale, precision)}</time>;
}
