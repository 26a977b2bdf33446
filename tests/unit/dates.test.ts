// The calendar arithmetic of lib/domain/dates.ts works on the numbers of a date, not through Date
// objects (they are slow inside Next's server). Here it is held to Date.UTC for every day of eight
// centuries, leap rules included (1700, 1800, 1900 and 2100 are not leap years; 1600, 2000, 2400 are).
import { describe, expect, it } from "vitest";

import { compareDays, daysBetween, daysInMonth, endOfMonth, isCalendarDate } from "@/lib/domain/dates";

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;
const start = Date.UTC(1600, 0, 1);
const end = Date.UTC(2400, 11, 31);

describe("calendar arithmetic without Date objects", () => {
  it("counts the days between any day from 1600 to 2400 and a fixed day as Date.UTC does", () => {
    const epoch = "1970-01-01";
    const wrong: string[] = [];
    let checked = 0;
    for (let t = start; t <= end; t += DAY) {
      const day = iso(t);
      if (daysBetween(epoch, day) !== Math.round(t / DAY)) wrong.push(day);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(292_000);
    expect(wrong).toEqual([]);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2100-02-28", "2100-03-01")).toBe(1);
    expect(daysBetween("2025-03-31", "2025-01-31")).toBe(-59);
  });

  it("finds each month's last day, and knows every real date from every false one", () => {
    for (let y = 1600; y <= 2400; y++)
      for (let m = 1; m <= 12; m++) {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
        expect.soft(daysInMonth(y, m), `${y}-${m}`).toBe(last);
        const month = `${y}-${String(m).padStart(2, "0")}`;
        expect.soft(endOfMonth(`${month}-01`)).toBe(`${month}-${last}`);
        expect.soft(endOfMonth(`${month}-${last}`)).toBe(`${month}-${last}`);
        expect.soft(isCalendarDate(`${month}-${last}`)).toBe(true);
        expect.soft(isCalendarDate(`${month}-${last + 1}`)).toBe(false);
      }
    for (const bad of ["2025-13-01", "2025-00-10", "2025-01-00", "2025-1-01", "20250101", "2025-01-01T00:00", "", "abcd-ef-gh"])
      expect(isCalendarDate(bad), bad).toBe(false);
    expect(() => endOfMonth("2025-13-01")).toThrow(/Not a YYYY-MM-DD date/);
    expect(() => endOfMonth("soon")).toThrow(/Not a YYYY-MM-DD date/);
  });

  it("orders days as their dates order", () => {
    // A fixed spread of days over the eight centuries (every 997th), shuffled by a fixed stride.
    const days: number[] = [];
    for (let t = start, i = 0; t <= end; t += 997 * DAY, i++) days.push(t);
    const shuffled = days.map((_, i) => days[(i * 389) % days.length]!);
    expect(new Set(shuffled).size).toBe(days.length);
    const sorted = shuffled.map(iso).sort(compareDays);
    expect(sorted).toEqual(days.map(iso));
    expect(compareDays("2025-01-31", "2025-01-31")).toBe(0);
  });
});
