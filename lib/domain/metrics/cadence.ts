// Cadence adherence, publication lag and the overdue judgement (docs/domain.md,
// "Cadence and the overdue judgement"). `today` is always a parameter: the clock is never read.
import { addDays, addMonths, addWeeks, isLastDayOfMonth, lastDayOfMonth } from "date-fns";

import { compareDays, daysBetween, endOfMonth } from "@/lib/domain/dates";
import type { Cadence } from "@/lib/domain/taxonomy";
import type { AttestationData } from "@/lib/domain/types";

// Calendar dates are parsed by hand into Date objects at local midnight and
// only ever handled by date-fns calendar functions (which work in local time).
// Date objects at UTC midnight would be read by date-fns as the previous day
// west of Greenwich; `new Date("YYYY-MM-DD")` would do exactly that. Without a
// UTC date class installed, local calendar days are the zone-proof choice.
export function parseCalendarDate(s: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: "${s}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(2000, 0, 1);
  date.setFullYear(y, mo, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo || date.getDate() !== d) throw new Error(`No such date: "${s}"`);
  return date;
}

export function formatCalendarDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(d.getFullYear()).padStart(4, "0")}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** later − earlier in whole days (both "YYYY-MM-DD"); argument order as date-fns differenceInCalendarDays. */
export function diffDays(later: string, earlier: string): number {
  return daysBetween(earlier, later);
}

function shiftDays(date: string, days: number): string {
  return formatCalendarDate(addDays(parseCalendarDate(date), days));
}

/** A month-precision as-of date (stored as the 1st) is read as the month's last day: the latest the figures can refer to. */
export function effectiveAsOf(a: Pick<AttestationData, "asOf" | "asOfPrecision">): string {
  return a.asOfPrecision === "month" ? endOfMonth(a.asOf) : a.asOf;
}

type PeriodicCadence = Exclude<Cadence, "none">;

/** Nominal lengths, used only for the grace period; schedule dates use calendar arithmetic. */
export const CADENCE_PERIOD_DAYS: Record<PeriodicCadence, number> = {
  daily: 1,
  weekly: 7,
  monthly: 30,
  quarterly: 91,
  semiannual: 182,
  annual: 365,
};
const CADENCE_MONTHS: Partial<Record<PeriodicCadence, number>> = { monthly: 1, quarterly: 3, semiannual: 6, annual: 12 };

/** With no publication history, the typical lag is assumed to be this many days. */
export const DEFAULT_LAG_DAYS = 30;
export const GRACE_MIN_DAYS = 7;
export const GRACE_SHARE_OF_PERIOD = 0.25;

/** Grace after the typical lag before a report is called overdue: max(7 days, 25 % of the period). */
export function graceDays(cadence: PeriodicCadence): number {
  return Math.max(GRACE_MIN_DAYS, Math.ceil(CADENCE_PERIOD_DAYS[cadence] * GRACE_SHARE_OF_PERIOD));
}

/** Last as-of plus one period; month-end dates stay on month ends (Jan 31 → Feb 28 → Mar 31). */
export function nextExpectedAsOf(lastAsOf: string, cadence: PeriodicCadence): string {
  const d = parseCalendarDate(lastAsOf);
  const months = CADENCE_MONTHS[cadence];
  if (months === undefined) return formatCalendarDate(cadence === "daily" ? addDays(d, 1) : addWeeks(d, 1));
  const moved = addMonths(d, months);
  return formatCalendarDate(isLastDayOfMonth(d) ? lastDayOfMonth(moved) : moved);
}

/** As-of dates a cadence implies in [from, to]: every day, every full week, or calendar month / quarter / half-year / year ends. */
export function expectedReportCount(cadence: Cadence, from: string, to: string): number | null {
  if (cadence === "none") return null;
  const span = diffDays(to, from) + 1;
  if (span <= 0) return 0;
  if (cadence === "daily") return span;
  if (cadence === "weekly") return Math.floor(span / 7);
  const step = CADENCE_MONTHS[cadence] as number;
  // Month ends from the one of `from` on, as ISO strings (no Date objects: the comparison table
  // counts this for every issuer on each render). A month end before `from` cannot occur.
  let count = 0;
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let end = endOfMonth(from); end <= to; end = endOfMonth(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-01`)) {
    if (m % step === 0) count += 1;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return count;
}

export interface PublicationLag {
  attestationId: string;
  asOf: string;
  publishedOn: string;
  days: number;
  /** Month-precision as-of: measured from the month's last day. */
  fromMonthEnd: boolean;
  note: string | null;
}

/**
 * What cadence and lag measures read of a report: its dates and state, nothing else (so a read model that
 * needs only the schedule, such as the comparison table's, loads these fields of every report, not their lines).
 */
export type DatedReport = Pick<AttestationData, "id" | "asOf" | "asOfPrecision" | "publishedOn" | "state">;

export function publicationLag(a: DatedReport): PublicationLag | null {
  if (!a.publishedOn) return null;
  const fromMonthEnd = a.asOfPrecision === "month";
  const raw = diffDays(a.publishedOn, effectiveAsOf(a));
  // Publication inside the as-of month is possible when the day is unknown; it counts as no lag.
  const note =
    raw < 0
      ? "published within the as-of month: counted as 0 days"
      : fromMonthEnd
        ? "as-of known to the month only: lag measured from the month's last day"
        : null;
  return { attestationId: a.id, asOf: a.asOf, publishedOn: a.publishedOn, days: Math.max(0, raw), fromMonthEnd, note };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Published reports that existed on `today`, oldest effective as-of first (ties broken by id, so input order never matters). */
function knownReports<A extends DatedReport>(attestations: readonly A[], today: string): A[] {
  return attestations
    .filter((a) => a.state === "published" && a.asOf <= today && (a.publishedOn === null || a.publishedOn <= today))
    .sort((a, b) => compareDays(effectiveAsOf(a), effectiveAsOf(b)) || a.id.localeCompare(b.id));
}

export type OverdueStatus = "on_schedule" | "expected_between" | "overdue" | "no_cadence" | "no_reports";

export interface OverdueJudgement {
  status: OverdueStatus;
  lastAsOf: string | null;
  nextExpectedAsOf: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  daysOverdue: number | null;
  minLagDays: number | null;
  typicalLagDays: number | null;
  graceDays: number | null;
  usedDefaultLag: boolean;
  explanation: string;
}

/**
 * Judged per issuer from its declared cadence and its own past lags: the next
 * report is expected between next as-of + shortest past lag and next as-of +
 * median lag + grace. Without any past lag, 0 and DEFAULT_LAG_DAYS stand in.
 */
export function overdueJudgement(attestations: readonly DatedReport[], cadence: Cadence, today: string): OverdueJudgement {
  const reports = knownReports(attestations, today);
  const last = reports.at(-1);
  const lastAsOf = last ? effectiveAsOf(last) : null;
  const empty = {
    lastAsOf,
    nextExpectedAsOf: null,
    windowStart: null,
    windowEnd: null,
    daysOverdue: null,
    minLagDays: null,
    typicalLagDays: null,
    graceDays: null,
    usedDefaultLag: false,
  };
  if (cadence === "none") {
    return {
      ...empty,
      status: "no_cadence",
      explanation: "The issuer declares no reporting cadence, so no report is expected on a schedule.",
    };
  }
  if (!lastAsOf) {
    return { ...empty, status: "no_reports", explanation: "No published report yet, so there is no schedule to measure against." };
  }
  const lags = reports
    .map(publicationLag)
    .filter((l): l is PublicationLag => l !== null)
    .map((l) => l.days);
  const usedDefaultLag = lags.length === 0;
  const minLag = usedDefaultLag ? 0 : Math.min(...lags);
  const typical = usedDefaultLag ? DEFAULT_LAG_DAYS : (median(lags) as number);
  const grace = graceDays(cadence);
  const next = nextExpectedAsOf(lastAsOf, cadence);
  const windowStart = shiftDays(next, minLag);
  const windowEnd = shiftDays(next, Math.ceil(typical) + grace);
  const lagText = usedDefaultLag ? `no past lag known, so an assumed ${DEFAULT_LAG_DAYS} days` : `median past lag ${typical} days`;
  const window = `between ${windowStart} and ${windowEnd} (${lagText}, plus ${grace} days of grace)`;
  const base = {
    lastAsOf,
    nextExpectedAsOf: next,
    windowStart,
    windowEnd,
    graceDays: grace,
    usedDefaultLag,
    minLagDays: usedDefaultLag ? null : minLag,
    typicalLagDays: usedDefaultLag ? null : typical,
  };
  const expected = `The report as of ${next} is expected ${window}.`;
  if (today < windowStart) return { ...base, status: "on_schedule", daysOverdue: null, explanation: expected };
  if (today <= windowEnd) return { ...base, status: "expected_between", daysOverdue: null, explanation: expected };
  const daysOverdue = diffDays(today, windowEnd);
  return {
    ...base,
    status: "overdue",
    daysOverdue,
    explanation: `The report as of ${next} was expected ${window}; ${daysOverdue} days have passed since.`,
  };
}

export interface CadenceReport {
  cadence: Cadence;
  from: string;
  to: string;
  expectedReports: number | null;
  reportsFound: number;
  missingReports: number | null;
  /** found / expected × 100, found capped at expected; null without a cadence or an expected report. */
  adherencePct: string | null;
  longestGap: { days: number; from: string; to: string } | null;
  lags: PublicationLag[];
  medianLagDays: number | null;
  worstLagDays: number | null;
  lagNote: string | null;
  lastAsOf: string | null;
  daysSinceLastAsOf: number | null;
  overdue: OverdueJudgement;
}

/**
 * Counts, gaps and lags describe the reports whose (effective) as-of date lies
 * in [from, to]; days since the last as-of and the overdue judgement describe
 * the issuer on `today`, from every report known by then.
 */
export function cadenceAdherence(
  attestations: readonly DatedReport[],
  cadence: Cadence,
  range: { from: string; to: string },
  today: string,
): CadenceReport {
  const known = knownReports(attestations, today);
  const inRange = known.filter((a) => effectiveAsOf(a) >= range.from && effectiveAsOf(a) <= range.to);
  const dates = [...new Set(inRange.map(effectiveAsOf))];
  let longestGap: CadenceReport["longestGap"] = null;
  for (let i = 1; i < dates.length; i += 1) {
    const [a, b] = [dates[i - 1] as string, dates[i] as string];
    const days = diffDays(b, a);
    if (!longestGap || days > longestGap.days) longestGap = { days, from: a, to: b };
  }
  const lags = inRange.map(publicationLag).filter((l): l is PublicationLag => l !== null);
  const expected = expectedReportCount(cadence, range.from, range.to);
  const found = dates.length;
  const lastAsOf = known.length > 0 ? effectiveAsOf(known.at(-1) as DatedReport) : null;
  return {
    cadence,
    from: range.from,
    to: range.to,
    expectedReports: expected,
    reportsFound: found,
    missingReports: expected === null ? null : Math.max(0, expected - found),
    adherencePct: expected ? String(Math.round((Math.min(found, expected) / expected) * 1000) / 10) : null,
    longestGap,
    lags,
    medianLagDays: median(lags.map((l) => l.days)),
    worstLagDays: lags.length > 0 ? Math.max(...lags.map((l) => l.days)) : null,
    lagNote: lags.some((l) => l.fromMonthEnd) ? "Month-precision as-of dates are measured from the month's last day." : null,
    lastAsOf,
    // A month-precision as-of in the current month has not ended yet: 0 days.
    daysSinceLastAsOf: lastAsOf ? Math.max(0, diffDays(today, lastAsOf)) : null,
    overdue: overdueJudgement(attestations, cadence, today),
  };
}
