import { describe, expect, it } from "vitest";

import { IMPLEMENTATION_MODULES, METRIC_DEFINITIONS, METRIC_IDS } from "@/lib/domain/metrics/definitions";
import { runWorkedExample, WORKED_EXAMPLES } from "@/lib/i18n/illustrative-examples";

describe("methodology registry", () => {
  it("defines every metric once, with a worked example", () => {
    expect(METRIC_DEFINITIONS.map((d) => d.id)).toEqual([...METRIC_IDS]);
    expect(Object.keys(WORKED_EXAMPLES).sort()).toEqual([...METRIC_IDS].sort());
    expect(METRIC_IDS).toHaveLength(13);
  });

  it("points every definition at an exported production function", () => {
    for (const d of METRIC_DEFINITIONS) {
      const mod = IMPLEMENTATION_MODULES[d.implementation.module] as Record<string, unknown>;
      expect(typeof mod[d.implementation.exportName], `${d.id} → ${d.implementation.exportName}`).toBe("function");
    }
  });

  it("explains each metric in two to four neutral sentences", () => {
    for (const d of METRIC_DEFINITIONS) {
      const sentences = d.explanation.split(/(?<=\.)\s+/).filter(Boolean);
      expect(sentences.length, d.id).toBeGreaterThanOrEqual(2);
      expect(sentences.length, d.id).toBeLessThanOrEqual(4);
      expect(d.formula.length).toBeGreaterThan(5);
      expect(d.inputs.length).toBeGreaterThan(0);
      expect(d.edgeCases.length).toBeGreaterThan(0);
      expect(`${d.name} ${d.explanation} ${d.edgeCases.join(" ")}`).not.toMatch(/\bsafe|\brecommend|\bshould buy|\bavoid\b/i);
    }
  });
});

describe("worked examples run the production functions", () => {
  const cases: [string, string][] = [
    // ≥ 50.2 B / 50 B × 100 = 100.4, a lower bound
    ["coverage_ratio", "≥ 100.4%"],
    // 50 / 200 = 25 %, 100 / 200 = 50 %, 10 / 200 = 5 %
    ["composition_shares", "Cash and bank deposits 25.0%; Treasury bills (≤ 93 days) 50.0%; Other / undisclosed 5.0%"],
    // 200 − 160 = 40 M = 20 %
    ["not_captured", "20.0% ($40,000,000)"],
    ["other_undisclosed_share", "5.0%"],
    // 30 + 40 eligible, 20 undetermined (≤ 90); MiCA also counts the 20 of notes: 90
    [
      "eligible_share",
      "US GENIUS Act: ≥ 70.0% (at most 90.0%); NYDFS guidance on US dollar-backed stablecoins: ≥ 70.0% (at most 90.0%); EU MiCA, e-money tokens: 90.0%; Singapore MAS stablecoin framework: ≥ 70.0% (at most 90.0%); Hong Kong Stablecoins Ordinance: ≥ 70.0% (at most 90.0%)",
    ],
    // 30 % of deposits against 30 % and 60 %
    ["mica_deposit_floor", "30% floor: meets (30.0%); 60% floor: below (30.0%)"],
    // 31 Mar → 20 Apr = 20 days
    ["publication_lag", "20 days (from 2025-03-31, the month's last day)"],
    // 4 of 6 month ends = 66.7 %
    ["cadence_adherence", "4 of 6 expected reports (66.7%)"],
    // next 30 Jun; window 30 Jun + 31 = 31 Jul to 30 Jun + 35 + 8 = 12 Aug; 20 Aug is 8 days later
    [
      "overdue",
      "2025-08-04: expected_between (window 2025-07-31 to 2025-08-12); 2025-08-20: overdue by 8 days (window 2025-07-31 to 2025-08-12)",
    ],
    // 28 Feb → 30 Apr = 31 + 30 = 61 days
    ["longest_gap", "61 days (2025-02-28 to 2025-04-30)"],
    // 20 + 10 = 30; + 40 = 70; nothing in 30 d; 10 undisclosed → lower bounds
    ["liquidity_ladder", "derived: 1 day ≥ 30.0%; 7 days ≥ 70.0%; 30 days ≥ 70.0%"],
    // Bank B 25 of 100; 60 unnamed → lower bound
    ["concentration", "Bank B: ≥ 25.0%"],
    // cash 40 % → 30/120 = 25 %: −15 pp, −10 M; bills 60 % → 90/120 = 75 %: +15 pp, +30 M
    ["change_since_previous", "Cash and bank deposits: -15.0 pp, -$10,000,000; Treasury bills (≤ 93 days): +15.0 pp, +$30,000,000"],
  ];

  it.each(cases)("%s", (id, output) => {
    const r = runWorkedExample(id as (typeof METRIC_IDS)[number]);
    expect(r.output).toBe(output);
    expect(r.input.length).toBeGreaterThan(10);
  });

  it("covers every metric", () => {
    expect(cases.map(([id]) => id).sort()).toEqual([...METRIC_IDS].sort());
  });
});

describe("methodology text follows the code's constants", () => {
  const byId = (id: string) => METRIC_DEFINITIONS.find((d) => d.id === id);

  it("states the grace period, deposit floors and liquidity buckets the functions use", () => {
    expect(byId("overdue")?.formula).toContain("grace = max(7 days, 25% of the period)");
    expect(byId("mica_deposit_floor")?.formula).toBe("cash and deposits share ≥ 30% (60% for significant tokens)");
    expect(byId("liquidity_ladder")?.explanation).toContain(
      "within 1 day: Cash and bank deposits, Overnight repo on Treasuries, Government money market funds;",
    );
  });
});

describe("methodology versions", () => {
  it("gives every metric a changelog whose versions rise and whose dates never go back", async () => {
    const { METRIC_CHANGELOG, METHODOLOGY_VERSION, metricVersion } = await import("@/lib/domain/metrics/versions");
    const { METRIC_IDS } = await import("@/lib/domain/metrics/definitions");
    const dates: string[] = [];
    for (const id of METRIC_IDS) {
      const log = METRIC_CHANGELOG[id];
      expect(log.length, id).toBeGreaterThan(0);
      for (let i = 1; i < log.length; i++) {
        expect(Number(log[i]!.version) > Number(log[i - 1]!.version), `${id} ${log[i]!.version}`).toBe(true);
        expect(log[i]!.date >= log[i - 1]!.date, `${id} ${log[i]!.date}`).toBe(true);
      }
      for (const c of log) expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(metricVersion(id)).toBe(log.at(-1)!.version);
      dates.push(...log.map((c) => c.date));
    }
    expect(METHODOLOGY_VERSION).toBe(dates.sort().at(-1));
  });
});
