// Calendar dates as "YYYY-MM-DD" strings: no time zones, no clocks.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

export function isCalendarDate(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function isCalendarMonth(s: string): boolean {
  const m = ISO_MONTH.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** Date object at UTC midnight, for storage in a DATE column. */
export function toUtcDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00.000Z`);
}

/** "YYYY-MM-DD" of a Date read from a DATE column (UTC midnight). */
export function fromUtcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "2026-12-06 21:55" from an ISO 8601 instant: minutes in UTC, as timestamps read on our pages. */
export function utcMinute(iso: string): string {
  return iso.slice(0, 16).replace("T", " ");
}

/** Whole days from a to b (b - a), both "YYYY-MM-DD". */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcDate(b).getTime() - toUtcDate(a).getTime()) / 86_400_000);
}

/** Last day of the month of a "YYYY-MM-DD" date. */
export function endOfMonth(isoDay: string): string {
  const d = toUtcDate(isoDay);
  return fromUtcDate(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

/** How an as-of date reads: a day, or only a month ("2025-06"). */
export function formatAsOf(asOf: string, precision: "day" | "month"): string {
  return precision === "month" ? asOf.slice(0, 7) : asOf;
}
