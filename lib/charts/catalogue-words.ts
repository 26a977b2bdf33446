// The chart words in a given language, from the message catalogues
// (messages/<locale>/charts.json "words", taxonomy.json "category"). Pure: the
// caller loads the messages (i18n/messages.ts loadMessages), nothing here reads
// the request, so it runs inside 'use cache' functions and in unit tests.
import { createTranslator } from "next-intl";

import { RESERVE_CATEGORIES, type ReserveCategory } from "@/lib/domain/taxonomy";
import type { ChartLocale } from "@/lib/charts/locale";
import type { ChartWords } from "@/lib/charts/words";
import { localizeDigits, type NumberLocale } from "@/lib/i18n/numbers";

export type ChartMessages = Record<string, unknown>;

/** What ECharts writes itself, for this language: its month names and digit marks. */
function echartsLocale(locale: NumberLocale, months: string): ChartLocale {
  // "1,000.5" or "1.000,5": read the language's marks off the shared number formatter.
  const sample = localizeDigits("1000.5", locale);
  const group = sample.charAt(1);
  const decimal = sample.charAt(sample.length - 2);
  const monthAbbr = months.split(",").map((m) => m.trim());
  return {
    ...(locale === "en" || monthAbbr.length !== 12 ? {} : { monthAbbr }),
    ...(decimal === "." ? {} : { decimal }),
    ...(group === "," ? {} : { group }),
  };
}

export function chartWordsFromMessages(locale: NumberLocale, messages: ChartMessages): ChartWords {
  // The catalogue's keys are checked by tests/unit/i18n/catalogues.test.ts and by the chart tests, not by types.
  const t = createTranslator({ locale, messages: messages as never }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  const w = (key: string, values?: Record<string, string | number>) => t(`charts.words.${key}`, values);
  const num = (v: number) => localizeDigits(String(v), locale, false);
  const subjectArgs = (subject?: string) => ({ hasSubject: subject ? "yes" : "no", subject: subject ?? "" });
  // ECharts' own placeholder survives the ICU formatting as text.
  const template = (key: string) => w(key, { value: "{value}" });
  const usdCell = (key: string, v: number, digits: number) => w(key, { value: localizeDigits(v.toFixed(digits), locale) });

  return {
    num,
    echarts: echartsLocale(locale, w("monthsShort")),
    chart: w("chart"),
    categories: Object.fromEntries(RESERVE_CATEGORIES.map((c) => [c, t(`taxonomy.category.${c}`)])) as Record<ReserveCategory, string>,
    notCaptured: w("notCaptured"),
    noReports: w("noReports"),
    reportsRange: (count, from, to) => w("reportsRange", { count, from, to }),
    usdAxis: { billions: template("usd.billions"), millions: template("usd.millions"), units: template("usd.units") },
    dayUnit: w("dayUnit"),
    composition: {
      share: w("composition.share"),
      usd: w("composition.usd"),
      summary: (range, date, list) => w("composition.summary", { range, date, list }),
      description: (what, summary, subject) => w("composition.description", { what, summary, ...subjectArgs(subject) }),
      notReported: w("composition.notReported"),
      bar: (list) => w("composition.bar", { list }),
      partialSeries: (threshold) => w("composition.partialSeries", { threshold }),
      partialSummary: (count, threshold) => w("composition.partialSummary", { count, threshold }),
    },
    coverage: {
      ratio: w("coverage.ratio"),
      covered: w("coverage.covered"),
      bounds: {
        exact: w("coverage.exact"),
        approx: w("coverage.approx"),
        lower: w("coverage.lower"),
        upper: w("coverage.upper"),
      },
      summary: (range, lowest, latest, bound) => w("coverage.summary", { range, lowest, latest, bound }),
      description: (summary, subject) => w("coverage.description", { summary, ...subjectArgs(subject) }),
    },
    cadence: {
      report: w("cadence.report"),
      undatedSeries: w("cadence.undatedSeries"),
      expectedLag: (min, max) => w("cadence.expectedLag", { min: num(min), max: num(max) }),
      expectedLagFromHistory: (min, max) => w("cadence.expectedLagFromHistory", { min: num(min), max: num(max) }),
      gapSeries: (days) => w("cadence.gapSeries", { days: num(days) }),
      lagRange: (min, max) => w("cadence.lagRange", { min: num(min), max: num(max) }),
      noLag: w("cadence.noLag"),
      undated: (count) => w("cadence.undated", { count: num(count) }),
      expected: (min, max) => w("cadence.expected", { min: num(min), max: num(max) }),
      noGaps: w("cadence.noGaps"),
      gaps: (items) => w("cadence.gaps", { list: items.join("; ") }),
      gap: (from, to, days) => w("cadence.gap", { from, to, days: num(days) }),
      summary: (range, lag, gaps) => w("cadence.summary", { range, lag, gaps }),
      description: (summary, subject) => w("cadence.description", { summary, ...subjectArgs(subject) }),
    },
    table: {
      asOf: w("table.asOf"),
      coverage: w("table.coverage"),
      lagDays: w("table.lagDays"),
      dateUnknown: w("table.dateUnknown"),
      notGiven: w("table.notGiven"),
      pct: (v) => `${localizeDigits(v.toFixed(1), locale, false)}%`,
      usd: (v) => (v >= 1e9 ? usdCell("table.usdBillions", v / 1e9, 2) : usdCell("table.usdMillions", v / 1e6, 1)),
    },
  };
}
