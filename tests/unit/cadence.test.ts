import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";

import {
  cadenceAdherence,
  expectedReportCount,
  graceDays,
  nextExpectedAsOf,
  overdueJudgement,
  parseCalendarDate,
  publicationLag,
} from "@/lib/domain/metrics/cadence";
import { reportData } from "@/lib/domain/report-data";
import type { AttestationData } from "@/lib/domain/types";

function report(id: string, asOf: string, extra: Partial<AttestationData> = {}): AttestationData {
  return reportData({ id, issuerSlug: "demo", asOf, ...extra });
}

// Lags: 31 Mar → 1 May = 31 days; 30 Apr → 4 Jun = 35; 31 May → 11 Jul = 41 (median 35, shortest 31)
const lagged = [
  report("mar", "2025-03-31", { publishedOn: "2025-05-01" }),
  report("apr", "2025-04-30", { publishedOn: "2025-06-04" }),
  report("may", "2025-05-31", { publishedOn: "2025-07-11" }),
];
const monthly = ["2025-01-31", "2025-02-28", "2025-04-30", "2025-06-30"].map((d, i) => report(`m${i}`, d));

describe("calendar arithmetic", () => {
  it("rejects malformed and impossible dates", () => {
    expect(() => parseCalendarDate("2025-02-30")).toThrow();
    expect(() => parseCalendarDate("2025-2-3")).toThrow();
  });

  it("keeps month-end schedules on month ends", () => {
    expect(nextExpectedAsOf("2025-01-31", "monthly")).toBe("2025-02-28");
    expect(nextExpectedAsOf("2025-02-28", "monthly")).toBe("2025-03-31");
    expect(nextExpectedAsOf("2024-01-31", "monthly")).toBe("2024-02-29");
    expect(nextExpectedAsOf("2025-03-31", "quarterly")).toBe("2025-06-30");
    expect(nextExpectedAsOf("2025-01-15", "monthly")).toBe("2025-02-15");
    expect(nextExpectedAsOf("2024-02-29", "annual")).toBe("2025-02-28");
    expect(nextExpectedAsOf("2025-12-31", "semiannual")).toBe("2026-06-30");
    expect(nextExpectedAsOf("2025-03-28", "weekly")).toBe("2025-04-04");
    expect(nextExpectedAsOf("2024-12-31", "daily")).toBe("2025-01-01");
  });

  it("uses a grace of max(7 days, 25 % of the period)", () => {
    // monthly ⌈30 × 0.25⌉ = 8; quarterly ⌈91 × 0.25⌉ = 23; annual ⌈365 × 0.25⌉ = 92; daily 7
    expect([graceDays("monthly"), graceDays("quarterly"), graceDays("annual"), graceDays("daily"), graceDays("weekly")]).toEqual([
      8, 23, 92, 7, 7,
    ]);
  });

  it("counts the as-of dates a cadence implies in a range", () => {
    expect(expectedReportCount("monthly", "2025-01-01", "2025-06-30")).toBe(6);
    expect(expectedReportCount("quarterly", "2024-01-01", "2024-12-31")).toBe(4);
    expect(expectedReportCount("quarterly", "2024-02-15", "2024-08-15")).toBe(2); // 31 Mar, 30 Jun
    expect(expectedReportCount("semiannual", "2024-01-01", "2024-12-31")).toBe(2);
    expect(expectedReportCount("annual", "2023-06-01", "2025-06-01")).toBe(2); // 31 Dec 2023, 2024
    expect(expectedReportCount("daily", "2025-01-01", "2025-01-31")).toBe(31);
    expect(expectedReportCount("weekly", "2025-01-01", "2025-01-28")).toBe(4);
    expect(expectedReportCount("none", "2025-01-01", "2025-12-31")).toBeNull();
    expect(expectedReportCount("monthly", "2025-06-30", "2025-01-01")).toBe(0);
  });
});

describe("publication lag", () => {
  it("measures a month-precision as-of date from the month's last day", () => {
    // as of February 2023 (stored 2023-02-01), published 20 March: 28 Feb → 20 Mar = 20 days
    const lag = publicationLag(report("g", "2023-02-01", { asOfPrecision: "month", publishedOn: "2023-03-20" }));
    expect(lag).toMatchObject({ days: 20, fromMonthEnd: true });
    expect(lag?.note).toMatch(/month's last day/);
  });

  it("counts publication inside the as-of month as 0 days, and has no lag without a publication date", () => {
    expect(publicationLag(report("g", "2023-02-01", { asOfPrecision: "month", publishedOn: "2023-02-20" }))?.days).toBe(0);
    expect(publicationLag(report("x", "2023-02-28"))).toBeNull();
  });
});

describe("cadence adherence", () => {
  it("compares reports found with reports expected, and finds the longest gap", () => {
    // 6 month ends, 4 reports → 66.7 %; gaps 28, 61 (28 Feb → 30 Apr: 31 + 30), 61 → first 61
    const r = cadenceAdherence(monthly, "monthly", { from: "2025-01-01", to: "2025-06-30" }, "2025-08-01");
    expect(r).toMatchObject({ expectedReports: 6, reportsFound: 4, missingReports: 2, adherencePct: "66.7" });
    expect(r.longestGap).toEqual({ days: 61, from: "2025-02-28", to: "2025-04-30" });
  });

  it("handles no reports and a single report", () => {
    const none = cadenceAdherence([], "monthly", { from: "2025-01-01", to: "2025-03-31" }, "2025-04-15");
    expect(none).toMatchObject({
      reportsFound: 0,
      expectedReports: 3,
      lastAsOf: null,
      daysSinceLastAsOf: null,
      longestGap: null,
      medianLagDays: null,
    });
    expect(none.overdue.status).toBe("no_reports");
    // one report: 31 Jan → 15 Feb = 15 days lag; 31 Jan → 1 Mar = 28 + 1 = 29 days since
    const one = cadenceAdherence(
      [report("a", "2025-01-31", { publishedOn: "2025-02-15" })],
      "monthly",
      { from: "2025-01-01", to: "2025-01-31" },
      "2025-03-01",
    );
    expect(one).toMatchObject({ reportsFound: 1, medianLagDays: 15, worstLagDays: 15, daysSinceLastAsOf: 29, longestGap: null });
  });

  it("counts reports with dates but no figures, and leaves out drafts and retracted reports", () => {
    const list = [
      report("a", "2025-01-31"),
      report("b", "2025-02-28", { state: "draft" }),
      report("c", "2025-03-31", { state: "retracted", retractedReason: "wrong file" }),
    ];
    expect(cadenceAdherence(list, "monthly", { from: "2025-01-01", to: "2025-03-31" }, "2025-05-01").reportsFound).toBe(1);
  });

  it("reports median and worst lag, noting month-precision measurement", () => {
    const r = cadenceAdherence(
      [...lagged, report("g", "2025-02-01", { asOfPrecision: "month", publishedOn: "2025-03-10" })],
      "monthly",
      { from: "2025-01-01", to: "2025-05-31" },
      "2025-08-01",
    );
    // lags 10 (28 Feb → 10 Mar), 31, 35, 41 → median (31 + 35) / 2 = 33, worst 41
    expect(r.lags.map((l) => l.days)).toEqual([10, 31, 35, 41]);
    expect(r.medianLagDays).toBe(33);
    expect(r.worstLagDays).toBe(41);
    expect(r.lagNote).toMatch(/month's last day/);
  });

  it("follows a corrected publication date", () => {
    // April corrected from 4 Jun (35 days) to 20 Jun (51 days): median of 31, 41, 51 = 41
    const corrected = [lagged[0], { ...lagged[1], revision: 2, publishedOn: "2025-06-20" }, lagged[2]] as AttestationData[];
    const range = { from: "2025-01-01", to: "2025-12-31" };
    expect(cadenceAdherence(lagged, "monthly", range, "2025-08-01").medianLagDays).toBe(35);
    expect(cadenceAdherence(corrected, "monthly", range, "2025-08-01").medianLagDays).toBe(41);
  });

  it("gives the same result whatever the input order", () => {
    const all = [...lagged, ...monthly, report("q", "2025-02-01", { asOfPrecision: "month", publishedOn: "2025-03-03" })];
    const range = { from: "2025-01-01", to: "2025-06-30" };
    const expected = cadenceAdherence(all, "monthly", range, "2025-08-20");
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (shuffled) => {
        expect(cadenceAdherence(shuffled, "monthly", range, "2025-08-20")).toEqual(expected);
      }),
    );
  });
});

describe("overdue judgement", () => {
  it("does not call an issuer late within its own usual lag", () => {
    // next as-of 30 Jun; window 30 Jun + 31 = 31 Jul to 30 Jun + 35 + 8 = 12 Aug
    const at = (today: string) => overdueJudgement(lagged, "monthly", today);
    expect(at("2025-07-20")).toMatchObject({
      status: "on_schedule",
      nextExpectedAsOf: "2025-06-30",
      windowStart: "2025-07-31",
      windowEnd: "2025-08-12",
    });
    expect(at("2025-08-04").status).toBe("expected_between"); // day 35 after month end
    expect(at("2025-08-12").status).toBe("expected_between");
    expect(at("2025-08-13")).toMatchObject({ status: "overdue", daysOverdue: 1 });
    expect(at("2025-08-20")).toMatchObject({ status: "overdue", daysOverdue: 8 });
  });

  it("falls back to the default lag without any publication date", () => {
    // last 31 May → next 30 Jun; window 30 Jun to 30 Jun + 30 + 8 = 7 Aug; 10 Aug is 3 days past
    const o = overdueJudgement([report("a", "2025-04-30"), report("b", "2025-05-31")], "monthly", "2025-08-10");
    expect(o).toMatchObject({
      usedDefaultLag: true,
      windowStart: "2025-06-30",
      windowEnd: "2025-08-07",
      status: "overdue",
      daysOverdue: 3,
    });
  });

  it("rounds a half-day median lag up", () => {
    // lags 30 and 41 → median 35.5 → 36; next 31 Mar + 36 + 8 = 14 May
    const o = overdueJudgement(
      [
        report("a", "2025-01-31", { publishedOn: "2025-03-02" }), // 30 days
        report("b", "2025-02-28", { publishedOn: "2025-04-10" }), // 41 days
      ],
      "monthly",
      "2025-04-15",
    );
    expect(o.windowEnd).toBe("2025-05-14");
  });

  it("has no schedule without a cadence, and ignores reports published after today", () => {
    expect(overdueJudgement(lagged, "none", "2025-08-20").status).toBe("no_cadence");
    // on 1 Jul only March and April were public: next as-of 31 May, window 31 May + 31 = 1 Jul to 31 May + 33 + 8 = 11 Jul
    expect(overdueJudgement(lagged, "monthly", "2025-07-01")).toMatchObject({
      lastAsOf: "2025-04-30",
      nextExpectedAsOf: "2025-05-31",
      windowStart: "2025-07-01",
      windowEnd: "2025-07-11",
    });
  });

  it("counts days since the last as-of date", () => {
    // 31 May → 20 Aug: 30 (Jun) + 31 (Jul) + 20 = 81
    expect(cadenceAdherence(lagged, "monthly", { from: "2025-01-01", to: "2025-12-31" }, "2025-08-20").daysSinceLastAsOf).toBe(81);
  });
});

describe("time zones", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it("gives the same dates in any local time zone, across daylight-saving changes", () => {
    const list = [
      report("a", "2024-03-31", { publishedOn: "2024-04-29" }),
      report("b", "2024-10-31", { publishedOn: "2024-11-29" }),
      report("c", "2025-02-01", { asOfPrecision: "month", publishedOn: "2025-03-30" }),
    ];
    const run = () => cadenceAdherence(list, "monthly", { from: "2024-01-01", to: "2025-03-31" }, "2025-06-01");
    process.env.TZ = "UTC";
    const baseline = run();
    for (const tz of ["America/Los_Angeles", "Atlantic/Azores", "Pacific/Kiritimati", "Australia/Lord_Howe", "America/Santiago"]) {
      process.env.TZ = tz;
      expect(new Date(2024, 0, 1).getTimezoneOffset()).not.toBe(0); // the zone really changed
      expect(run()).toEqual(baseline);
    }
    // 28 Feb 2025 → 30 Mar = 30 days; 31 Mar + 29 = 29 Apr
    expect(baseline.lags.map((l) => l.days)).toEqual([29, 29, 30]);
  });
});
