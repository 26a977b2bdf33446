// Calendar dates in the reader's language (lib/domain/dates.ts holds the calendar arithmetic).
import { isCalendarDate, isCalendarMonth } from "@/lib/domain/dates";
import type { DatePrecision } from "@/lib/domain/taxonomy";
import { INTL_LOCALE, type Locale } from "@/i18n/routing";

// Formatters are built once per language and precision (Intl construction is slow).
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Exclude<Locale, "en">, precision: DatePrecision): Intl.DateTimeFormat {
  const key = `${locale}:${precision}`;
  let format = DATE_FORMATS.get(key);
  if (!format) {
    // timeZone "UTC" with a Date.UTC instant: the calendar date shown is the one
    // stored, whatever the server's own time zone.
    const options: Intl.DateTimeFormatOptions =
      precision === "day" ? { dateStyle: "medium", timeZone: "UTC" } : { year: "numeric", month: "short", timeZone: "UTC" };
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], options);
    DATE_FORMATS.set(key, format);
  }
  return format;
}

/**
 * A calendar date as the reader writes it. English keeps ISO 8601 ("2025-09-30",
 * or "2025-09" for a date known to the month only): readers of the English
 * pages are international, and ISO has no day/month ambiguity. Spanish and
 * Portuguese get their own medium style ("30 sept 2025", "30 de set. de 2025";
 * by month "sept 2025", "set. de 2025").
 *
 * Accepts "YYYY-MM-DD", or "YYYY-MM" (shown by month whatever the precision
 * asked: a date cannot read more precise than its source). Anything else is
 * returned unchanged.
 */
export function formatDay(iso: string, locale: Locale, precision: DatePrecision = "day"): string {
  const isDay = isCalendarDate(iso);
  if (!isDay && !isCalendarMonth(iso)) return iso;
  const shown: DatePrecision = isDay ? precision : "month";
  if (locale === "en") return shown === "month" ? iso.slice(0, 7) : iso;
  const [y = 1970, mo = 1, d = 1] = iso.split("-").map(Number);
  return dateFormat(locale, shown).format(new Date(Date.UTC(y, mo - 1, d)));
}
