// Each metric's definition has a version and a dated changelog; the methodology
// as a whole is versioned by the date of its latest change. CSV files and API
// responses state that version, so a figure can always be traced to the rules
// that produced it. Add an entry here (and bump the metric's version) in the
// same commit that changes what a metric function computes.
import { METRIC_IDS, type MetricId } from "./definitions";

export interface MetricChange {
  /** "1", "1.1", "2": a minor step changes an edge case or a presentation; a major one changes what the number means. */
  version: string;
  /** YYYY-MM-DD, the day the change was published. */
  date: string;
  change: string;
}

const FIRST = (extra = ""): MetricChange => ({
  version: "1",
  date: "2026-11-25",
  change: `First published definition.${extra ? ` ${extra}` : ""}`,
});

export const METRIC_CHANGELOG: Readonly<Record<MetricId, readonly MetricChange[]>> = {
  coverage_ratio: [
    FIRST("Precision carried with direction: a lower-bound numerator gives ≥, a lower-bound denominator ≤."),
    {
      version: "1.1",
      date: "2026-11-25",
      change:
        "Where an issuer's newest report gives no figures, the comparison table and CSV show the latest report that does, with its own date.",
    },
  ],
  composition_shares: [
    FIRST(),
    {
      version: "2",
      date: "2026-12-06",
      change:
        "Computed only from a report whose captured lines cover at least 90% of total reserves; a newer, partial breakdown is named with its captured share instead of being taken for the whole.",
    },
  ],
  not_captured: [
    FIRST("Shown apart from the issuer's own “other / undisclosed” line."),
    {
      version: "1.1",
      date: "2026-12-07",
      change:
        "The composition charts mark each report that breaks down less than 90% of total reserves with a dashed line, named in the legend: the hatched remainder above its dip is what it leaves out.",
    },
  ],
  other_undisclosed_share: [FIRST()],
  eligible_share: [
    FIRST("Rule tables: GENIUS Act, NYDFS, MiCA, MAS, Hong Kong; “not assessed” where data is missing."),
    {
      version: "2",
      date: "2026-12-06",
      change:
        "Judged on the latest report whose breakdown covers at least 90% of total reserves; with none, “not assessable from the lines we hold” with the captured share, never “≥ 0.0%”.",
    },
  ],
  mica_deposit_floor: [FIRST()],
  publication_lag: [
    FIRST(),
    {
      version: "1.1",
      date: "2026-11-25",
      change: "Calendar days counted in UTC by one shared function; month-only as-of dates measured from the month's last day.",
    },
  ],
  cadence_adherence: [FIRST()],
  overdue: [
    FIRST("Judged per issuer from its own past lags, not one global threshold."),
    { version: "1.1", date: "2026-11-25", change: "“Days since the last as-of” uses the same calendar-day function as the lag." },
  ],
  longest_gap: [FIRST()],
  liquidity_ladder: [
    FIRST(),
    {
      version: "2",
      date: "2026-12-06",
      change:
        "From the latest report whose breakdown covers at least 90% of total reserves (and, for the change, the one before it that does).",
    },
  ],
  concentration: [
    FIRST(),
    {
      version: "2",
      date: "2026-12-06",
      change:
        "From the latest report whose breakdown covers at least 90% of total reserves (and, for the change, the one before it that does).",
    },
  ],
  change_since_previous: [
    FIRST(),
    {
      version: "2",
      date: "2026-12-06",
      change:
        "From the latest report whose breakdown covers at least 90% of total reserves (and, for the change, the one before it that does).",
    },
  ],
};

export function metricVersion(id: MetricId): string {
  return METRIC_CHANGELOG[id].at(-1)!.version;
}

/** The methodology's version: the date of its latest change (YYYY-MM-DD). */
export const METHODOLOGY_VERSION: string = METRIC_IDS.flatMap((id) => METRIC_CHANGELOG[id].map((c) => c.date))
  .sort()
  .at(-1)!;
