// Calendar dates as "YYYY-MM-DD" strings: no time zones, no clocks.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

// Calendar arithmetic on the numbers of the date, never through Date objects: the
// comparison table and the issuer page measure tens of thousands of report dates
// per render, and inside Next's server every `new Date` goes through its
// instrumented constructor (a CPU profile of an uncached home at 500 issuers put
// about a tenth of the render there). tests/unit/dates.test.ts holds these to
// Date.UTC for every day from 1600 to 2400.

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month `m` (1-12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** Year, month, day of a "YYYY-MM-DD" string; NaN where it is not one. */
function dayParts(isoDay: string): [number, number, number] {
  if (isoDay.length !== 10 || isoDay[4] !== "-" || isoDay[7] !== "-") return [NaN, NaN, NaN];
  return [Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)), Number(isoDay.slice(8, 10))];
}

export function isCalendarDate(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
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

/**
 * Orders "YYYY-MM-DD" strings as dates (the order of their characters). As a sort
 * comparator it is many times faster than localeCompare, which a sort of 60,000
 * report dates per comparison table otherwise spends most of its time in.
 */
export function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from a to b (b - a), both "YYYY-MM-DD". */
export function daysBetween(a: string, b: string): number {
  return dayNumber(...dayParts(b)) - dayNumber(...dayParts(a));
}

/** Last day of the month of a "YYYY-MM-DD" date. */
export function endOfMonth(isoDay: string): string {
  const [y, m] = dayParts(isoDay);
  if (!(m >= 1 && m <= 12) || Number.isNaN(y)) throw new RangeError(`Not a YYYY-MM-DD date: "${isoDay}"`);
  return `${isoDay.slice(0, 8)}${daysInMonth(y, m)}`;
}

/** How an as-of date reads: a day, or only a month ("2025-06"). */
export function formatAsOf(asOf: string, precision: "day" | "month"): string {
  return precision === "month" ? asOf.slice(0, 7) : asOf;
}
