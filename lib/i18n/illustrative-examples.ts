// The methodology page's illustrative worked examples: for each metric, made-up
// figures that document an edge case, run through the very function the metric's
// definition names (lib/domain/metrics/definitions.ts) and written out in English,
// like the rest of the methodology's technical text. The examples from real
// published rows are lib/domain/metrics/worked-examples.ts.
import * as cadence from "@/lib/domain/metrics/cadence";
import * as composition from "@/lib/domain/metrics/composition";
import * as coverage from "@/lib/domain/metrics/coverage";
import { MICA_FLOOR, type MetricId } from "@/lib/domain/metrics/definitions";
import * as eligibility from "@/lib/domain/metrics/eligibility";
import * as liquidity from "@/lib/domain/metrics/liquidity";
import { reportData } from "@/lib/domain/report-data";
import { CATEGORY_LABELS } from "@/lib/domain/taxonomy";
import type { AttestationData, CompositionLineData, Figure } from "@/lib/domain/types";
import { formatPct, formatUsdCompact } from "@/lib/i18n/numbers";

const usd = (value: string, precision: Figure["precision"] = "exact"): Figure => ({ value, precision });
const line = (
  category: CompositionLineData["category"],
  amount: string | null,
  extra: Partial<CompositionLineData> = {},
): CompositionLineData => ({
  category,
  amountUsd: amount === null ? null : usd(amount),
  sharePct: null,
  custodian: null,
  maturity: null,
  sourceUrl: null,
  ...extra,
});
function report(id: string, asOf: string, extra: Partial<AttestationData> = {}): AttestationData {
  return reportData({ id, issuerSlug: "example-dollar", asOf, assurance: "examination", opinion: "unqualified", ...extra });
}

const mixed = report("ex-mix", "2025-06-30", {
  totalReserves: usd("200000000"),
  composition: [line("cash_deposits", "50000000"), line("tbills_93d", "100000000"), line("other_undisclosed", "10000000")],
});
const rules = report("ex-rules", "2025-06-30", {
  totalReserves: usd("100000000"),
  composition: [
    line("cash_deposits", "30000000"),
    line("tbills_93d", "40000000"),
    line("treasury_notes_bonds", "20000000"),
    line("commercial_paper_cds", "10000000"),
  ],
});
const monthly = ["2025-01-31", "2025-02-28", "2025-04-30", "2025-06-30"].map((d, i) => report(`ex-m${i}`, d));
const lagged = (
  [
    ["2025-03-31", "2025-05-01"],
    ["2025-04-30", "2025-06-04"],
    ["2025-05-31", "2025-07-11"],
  ] as const
).map(([d, p], i) => report(`ex-l${i}`, d, { publishedOn: p }));
const label = (c: CompositionLineData["category"]) => CATEGORY_LABELS[c];
function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Worked example produced no ${what}`);
  return value;
}

export interface WorkedExample {
  input: string;
  run: () => string;
}

export const WORKED_EXAMPLES: Readonly<Record<MetricId, WorkedExample>> = {
  coverage_ratio: {
    input: "Total reserves of at least $50.2 B; tokens outstanding $50,000,000,000 exactly.",
    run: () =>
      formatPct(
        coverage.coverageRatio(
          report("ex-cov", "2025-06-30", { totalReserves: usd("50200000000", "lower_bound"), tokensOutstanding: usd("50000000000") }),
        ).coveragePct,
        1,
      ),
  },
  composition_shares: {
    input: "Total reserves $200,000,000; cash $50,000,000; Treasury bills $100,000,000; other / undisclosed $10,000,000.",
    run: () =>
      composition
        .compositionShares(mixed)
        .categories.map((c) => `${label(c.category)} ${formatPct(c.sharePct, 1)}`)
        .join("; "),
  },
  not_captured: {
    input: "The composition example: lines of $160,000,000 against total reserves of $200,000,000.",
    run: () => {
      const s = composition.compositionShares(mixed);
      return `${formatPct(s.notCapturedPct, 1)} (${formatUsdCompact(s.notCapturedUsd.value ?? "0", s.notCapturedUsd.bound)})`;
    },
  },
  other_undisclosed_share: {
    input: "The composition example: other / undisclosed $10,000,000 of $200,000,000.",
    run: () => formatPct(composition.compositionShares(mixed).otherUndisclosedPct, 1),
  },
  eligible_share: {
    input:
      "Total reserves $100,000,000: cash $30 M, Treasury bills (≤ 93 days) $40 M, longer Treasuries $20 M (maturity not reported), commercial paper $10 M.",
    run: () =>
      eligibility.ELIGIBILITY_FRAMEWORKS.map((f) => {
        const r = eligibility.eligibleShare(rules, f);
        const upto =
          r.share?.bound === "lower" && r.upperPossiblePct
            ? ` (at most ${formatPct({ value: r.upperPossiblePct, bound: "exact" }, 1)})`
            : "";
        return `${f.name}: ${r.share ? formatPct(r.share, 1) : "not assessed"}${upto}`;
      }).join("; "),
  },
  mica_deposit_floor: {
    input: "The eligibility example: cash and deposits $30 M of $100 M.",
    run: () =>
      [false, true]
        .map((significant) => {
          const r = eligibility.depositFloorCheck(rules, MICA_FLOOR, significant);
          return `${r.requiredPct}% floor: ${r.status} (${formatPct(r.cashDepositsPct, 1)})`;
        })
        .join("; "),
  },
  publication_lag: {
    input: "As of March 2025 (month only), published 2025-04-20.",
    run: () => {
      const l = present(
        cadence.publicationLag(report("ex-lag", "2025-03-01", { asOfPrecision: "month", publishedOn: "2025-04-20" })),
        "lag",
      );
      return `${l.days} days${l.fromMonthEnd ? " (from 2025-03-31, the month's last day)" : ""}`;
    },
  },
  cadence_adherence: {
    input: "Monthly cadence, 2025-01-01 to 2025-06-30; reports as of 31 Jan, 28 Feb, 30 Apr and 30 Jun 2025.",
    run: () => {
      const r = cadence.cadenceAdherence(monthly, "monthly", { from: "2025-01-01", to: "2025-06-30" }, "2025-08-01");
      return `${r.reportsFound} of ${r.expectedReports} expected reports (${r.adherencePct}%)`;
    },
  },
  overdue: {
    input:
      "Monthly cadence; reports as of 31 Mar, 30 Apr and 31 May 2025 published after 31, 35 and 41 days; judged on 2025-08-04 and on 2025-08-20.",
    run: () =>
      ["2025-08-04", "2025-08-20"]
        .map((today) => {
          const o = cadence.overdueJudgement(lagged, "monthly", today);
          return `${today}: ${o.status}${o.daysOverdue ? ` by ${o.daysOverdue} days` : ""} (window ${o.windowStart} to ${o.windowEnd})`;
        })
        .join("; "),
  },
  longest_gap: {
    input: "The cadence example: as of 31 Jan, 28 Feb, 30 Apr and 30 Jun 2025.",
    run: () => {
      const g = present(
        cadence.cadenceAdherence(monthly, "monthly", { from: "2025-01-01", to: "2025-06-30" }, "2025-08-01").longestGap,
        "gap",
      );
      return `${g.days} days (${g.from} to ${g.to})`;
    },
  },
  liquidity_ladder: {
    input:
      "Total reserves $100 M: cash $20 M, government funds $10 M, Treasury bills $40 M, corporate bonds $20 M, other / undisclosed $10 M; no ladder in the report.",
    run: () => {
      const l = liquidity.liquidityLadder(
        report("ex-liq", "2025-06-30", {
          totalReserves: usd("100000000"),
          composition: [
            line("cash_deposits", "20000000"),
            line("gov_mmf", "10000000"),
            line("tbills_93d", "40000000"),
            line("corporate_bonds", "20000000"),
            line("other_undisclosed", "10000000"),
          ],
        }),
      );
      return `${l.source}: 1 day ${formatPct(l.within1dPct, 1)}; 7 days ${formatPct(l.within7dPct, 1)}; 30 days ${formatPct(l.within30dPct, 1)}`;
    },
  },
  concentration: {
    input: "Total reserves $100 M: cash $15 M at Bank A, cash $25 M at Bank B, Treasury bills $60 M with no custodian named.",
    run: () => {
      const c = liquidity.custodianConcentration(
        report("ex-conc", "2025-06-30", {
          totalReserves: usd("100000000"),
          composition: [
            line("cash_deposits", "15000000", { custodian: "Bank A" }),
            line("cash_deposits", "25000000", { custodian: "Bank B" }),
            line("tbills_93d", "60000000"),
          ],
        }),
      );
      return c.largest ? `${c.largest.custodian}: ${formatPct(c.largest.sharePct, 1)}` : "not reported";
    },
  },
  change_since_previous: {
    input: "31 Jan 2025: $100 M (cash $40 M, Treasury bills $60 M); 28 Feb 2025: $120 M (cash $30 M, Treasury bills $90 M).",
    run: () => {
      const prev = report("ex-jan", "2025-01-31", {
        totalReserves: usd("100000000"),
        composition: [line("cash_deposits", "40000000"), line("tbills_93d", "60000000")],
      });
      const cur = report("ex-feb", "2025-02-28", {
        totalReserves: usd("120000000"),
        composition: [line("cash_deposits", "30000000"), line("tbills_93d", "90000000")],
      });
      return present(composition.changeSincePrevious([cur, prev], "ex-feb"), "change")
        .changes.map((c) => {
          const v = c.usdChange.value ?? "0";
          return `${label(c.category)}: ${formatPct(c.ppChange, 1, { unit: " pp", signed: true })}, ${v.startsWith("-") ? "" : "+"}${formatUsdCompact(v, c.usdChange.bound)}`;
        })
        .join("; ");
    },
  },
};

export function runWorkedExample(id: MetricId): { input: string; output: string } {
  const example = WORKED_EXAMPLES[id];
  return { input: example.input, output: example.run() };
}
