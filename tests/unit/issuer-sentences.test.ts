// The issuer page rebuilds some domain sentences in the reader's language
// (components/issuer/sentences.ts). In English they must read exactly as the
// domain writes them, and the evaluation facts as they read before they became codes.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { evaluate } from "@/lib/domain/evaluation";
import { overdueJudgement, publicationLag } from "@/lib/domain/metrics/cadence";
import { compositionShares } from "@/lib/domain/metrics/composition";
import { coverageRatio } from "@/lib/domain/metrics/coverage";
import { reportData } from "@/lib/domain/report-data";
import type { Cadence, ReserveCategory } from "@/lib/domain/taxonomy";
import type { AttestationData, CompositionLineData, Figure, IssuerData, StressEventData } from "@/lib/domain/types";
import { formatPct } from "@/lib/i18n/numbers";
import {
  cadenceExplanation,
  coverageReason,
  evaluationSentence,
  lagNote,
  reconciliationText,
  type FactFormat,
  type Translate,
} from "@/components/issuer/sentences";
import en from "@/messages/en/issuer.json";
import taxonomy from "@/messages/en/taxonomy.json";
import es from "@/messages/es/issuer.json";
import pt from "@/messages/pt/issuer.json";

// A translator for issuer.<namespace> (or the whole issuer namespace), as the components get from getTranslations.
const translator = (messages: Record<string, unknown>, namespace: string | null, locale = "en"): Translate =>
  createTranslator({
    locale,
    messages: { issuer: messages },
    namespace: (namespace ? `issuer.${namespace}` : "issuer") as never,
  }) as unknown as Translate;
const issuerT = (messages: Record<string, unknown> = en, locale = "en"): Translate => translator(messages, null, locale);

const usd = (value: string, precision: Figure["precision"] = "exact"): Figure => ({ value, precision });
const line = (category: ReserveCategory, amount: string | null, extra: Partial<CompositionLineData> = {}): CompositionLineData => ({
  category,
  amountUsd: amount === null ? null : usd(amount),
  sharePct: null,
  custodian: null,
  maturity: null,
  sourceUrl: null,
  ...extra,
});
function report(id: string, asOf: string, extra: Partial<AttestationData> = {}): AttestationData {
  return reportData({ id, issuerSlug: "demo", asOf, ...extra });
}

describe("the cadence explanation", () => {
  const keyFigures = translator(en, "keyFigures");
  const lagged = [
    report("mar", "2025-03-31", { publishedOn: "2025-05-01" }),
    report("apr", "2025-04-30", { publishedOn: "2025-06-04" }),
    report("may", "2025-05-31", { publishedOn: "2025-07-11" }),
    report("jun", "2025-06-30", { publishedOn: "2025-07-20" }),
  ];
  const unpublished = [report("a", "2025-03-31"), report("b", "2025-04-30")];
  const cases: [string, AttestationData[], Cadence, string][] = [
    ["no cadence", lagged, "none", "2025-09-01"],
    ["no reports", [], "monthly", "2025-09-01"],
    ["on schedule, median of an even count", lagged, "monthly", "2025-07-21"],
    ["expected now", lagged, "monthly", "2025-08-20"],
    ["overdue", lagged, "monthly", "2025-12-01"],
    ["overdue, quarterly", lagged, "quarterly", "2026-03-01"],
    ["no past lag known", unpublished, "monthly", "2025-05-10"],
    ["no past lag known, overdue", unpublished, "monthly", "2025-09-10"],
  ];
  it("covers every status", () => {
    expect(cases.map(([, r, c, today]) => overdueJudgement(r, c, today).status)).toEqual([
      "no_cadence",
      "no_reports",
      "on_schedule",
      "expected_between",
      "overdue",
      "overdue",
      "on_schedule",
      "overdue",
    ]);
  });
  it.each(cases)("reads in English as the domain writes it: %s", (_, reports, cadence, today) => {
    const o = overdueJudgement(reports, cadence, today);
    expect(o.daysOverdue).not.toBe(1); // one day reads "1 day has passed" (the domain says "1 days have")
    expect(cadenceExplanation(o, keyFigures, "en")).toBe(o.explanation);
  });

  it("is written in the reader's language, digits included", () => {
    const o = overdueJudgement(lagged, "monthly", "2025-12-01");
    const text = cadenceExplanation(o, translator(es, "keyFigures", "es"), "es");
    // Dates in the reader's style too (English keeps ISO, as the domain writes it).
    expect(text).toMatch(/^El informe con fecha de corte 31 jul 2025 se esperaba entre el \d{1,2} [a-z]+ 2025 y el \d{1,2} [a-z]+ 2025 /);
    expect(text).toContain("días de gracia");
  });
});

describe("the reconciliation note", () => {
  const t = issuerT();
  const cases: [string, AttestationData][] = [
    [
      "matching lines",
      report("a", "2025-06-30", { totalReserves: usd("200"), composition: [line("cash_deposits", "100"), line("tbills_93d", "99.5")] }),
    ],
    [
      "lines below the total",
      report("a", "2025-06-30", { totalReserves: usd("300"), composition: [line("cash_deposits", "100"), line("tbills_93d", "101")] }),
    ],
    [
      "lines above the total",
      report("a", "2025-06-30", { totalReserves: usd("100"), composition: [line("cash_deposits", "60"), line("tbills_93d", "47.123")] }),
    ],
    [
      "lines above a total stated as a minimum",
      report("a", "2025-06-30", {
        totalReserves: usd("100", "lower_bound"),
        composition: [line("cash_deposits", "60"), line("tbills_93d", "45")],
      }),
    ],
    ["lines that cannot be checked", report("a", "2025-06-30", { totalReserves: null, composition: [line("cash_deposits", "60")] })],
    ["no lines", report("a", "2025-06-30", { totalReserves: usd("100"), composition: [] })],
  ];
  it.each(cases)("reads in English as the domain writes it: %s", (_, a) => {
    const shares = compositionShares(a);
    expect(reconciliationText(shares, t, "en")).toBe(shares.reconciliation.reason);
  });

  it("covers every status", () => {
    expect(cases.map(([, a]) => compositionShares(a).reconciliation.status)).toEqual([
      "matches",
      "lines_below_total",
      "lines_above_total",
      "lines_above_total",
      "not_checkable",
      "not_checkable",
    ]);
  });

  it("uses the reader's words and decimal separator", () => {
    const shares = compositionShares(cases[2]![1]);
    expect(reconciliationText(shares, issuerT(pt, "pt"), "pt")).toBe("as linhas capturadas excedem o total de reservas em 7,12 pontos");
  });
});

describe("lag notes and coverage reasons", () => {
  const reports = translator(en, "reports");
  const keyFigures = translator(en, "keyFigures");
  it("read in English as the domain writes them", () => {
    for (const a of [
      report("a", "2025-06-01", { asOfPrecision: "month", publishedOn: "2025-06-20" }),
      report("b", "2025-06-01", { asOfPrecision: "month", publishedOn: "2025-07-20" }),
      report("c", "2025-06-30", { publishedOn: "2025-07-20" }),
    ]) {
      const lag = publicationLag(a)!;
      expect(lagNote(lag, reports)).toBe(lag.note ?? undefined);
    }
    for (const a of [
      report("a", "2025-06-30", { tokensOutstanding: usd("1") }),
      report("b", "2025-06-30", { totalReserves: usd("1") }),
      report("c", "2025-06-30", { totalReserves: usd("1"), tokensOutstanding: usd("0") }),
    ]) {
      const reason = coverageRatio(a).coveragePct.reason;
      expect(coverageReason(reason, keyFigures)).toBe(reason);
    }
  });
});

describe("the evaluation facts", () => {
  const t = translator(en, "evaluation");
  const english: FactFormat = {
    locale: "en",
    pct: (m, digits) => formatPct(m, digits),
    wholeUsd: (v) => `$${Number(v).toLocaleString("en-US")}`,
    priceUsd: (v) => `$${v}`,
    category: (c) => taxonomy.category[c],
    assurance: (a) => taxonomy.assurance[a],
  };
  const issuer: IssuerData = {
    id: "i",
    slug: "demo",
    name: "Demo",
    tokenSymbols: ["DMO"],
    legalEntity: null,
    website: null,
    homeJurisdiction: null,
    backingModel: "fiat_reserve",
    status: "active",
    declaredCadence: "monthly",
    chains: [],
    description: null,
    redemption: { eligibility: "Verified customers", minimumUsd: "100000", fee: "0.1%", settlement: "T+1" },
    attestationFirms: null,
    sourceUrl: null,
    isDemo: true,
    licences: [
      { regulator: "NYDFS", licence: "Trust charter", jurisdiction: "US-NY", since: null, sourceUrl: null },
      { regulator: "MAS", licence: "MPI", jurisdiction: "SG", since: null, sourceUrl: null },
    ],
    counterparties: [
      { name: "Bank A", role: "bank", sourceUrl: null },
      { name: "Custody B", role: "custodian", sourceUrl: null },
    ],
  };
  const published = [
    report("old", "2025-03-31", { firm: "Firm X", assurance: "examination" }),
    report("new", "2025-06-30", {
      firm: "Firm Y",
      assurance: "agreed_upon_procedures",
      totalReserves: usd("200"),
      composition: [line("tbills_93d", "120"), line("cash_deposits", "50"), line("other_undisclosed", "20"), line("repo_overnight", "10")],
    }),
  ];
  const stress = (
    kind: StressEventData["kind"],
    lowestPrice: string | null,
    startDate: string | null,
    issuerResponse: string | null,
  ): StressEventData => ({
    id: `${kind}-${startDate}`,
    issuerSlug: "demo",
    startDate,
    endDate: null,
    kind,
    lowestPrice,
    reserveExposureUsd: null,
    summary: "",
    issuerResponse,
    sources: [],
  });

  it("read in English as they did when the domain wrote them", () => {
    const answers = evaluate(issuer, published, [
      stress("depeg", "0.87", "2023-03-11", "We paid."),
      stress("depeg", "0.95", null, null),
      stress("regulatory_action", null, "2024-01-01", null),
    ]);
    const text = Object.fromEntries(answers.map((a) => [a.id, a.facts.map((f) => evaluationSentence(f, t, english))]));
    expect(text.redemption).toEqual([
      "Who may redeem: Verified customers.",
      "Minimum redemption: $100,000.",
      "Fee: 0.1%.",
      "Stated settlement time: T+1.",
    ]);
    expect(text.composition).toEqual([
      "Largest categories as of 2025-06-30: Treasury bills (≤ 93 days) 60.0%, Cash and bank deposits 25.0%, Other / undisclosed 10.0%.",
      "Other / undisclosed: 10.0% of reserves.",
    ]);
    expect(text.oversight).toEqual([
      "Reports by: Firm X, Firm Y.",
      "Assurance methods seen: Examination (reasonable assurance); Agreed-upon procedures.",
      "Named banks, custodians or managers: Bank A, Custody B.",
      "Licences: Trust charter (NYDFS); MPI (MAS).",
    ]);
    expect(text.track_record).toEqual([
      "3 stress events recorded.",
      "Lowest recorded price in a depeg: $0.87 (2023-03-11).",
      "The issuer's response is recorded for 1 of them.",
    ]);
  });

  it("says so when a report has no other / undisclosed line, and counts one event in the singular", () => {
    const answers = evaluate(
      issuer,
      [report("a", "2025-06-30", { totalReserves: usd("100"), composition: [line("cash_deposits", "100")] })],
      [stress("depeg", "0.5", null, null)],
    );
    const text = Object.fromEntries(answers.map((a) => [a.id, a.facts.map((f) => evaluationSentence(f, t, english))]));
    expect(text.composition?.[1]).toBe("No “other / undisclosed” line in that report.");
    expect(text.track_record).toEqual([
      "1 stress event recorded.",
      "Lowest recorded price in a depeg: $0.5 (date not documented).",
      "The issuer's response is recorded for 0 of them.",
    ]);
  });

  it("dates the facts the reader's way in Portuguese", () => {
    const portuguese: FactFormat = { ...english, locale: "pt" };
    const answers = evaluate(issuer, published, [stress("depeg", "0.87", "2023-03-11", null)]);
    const text = Object.fromEntries(
      answers.map((a) => [a.id, a.facts.map((f) => evaluationSentence(f, translator(pt, "evaluation", "pt"), portuguese))]),
    );
    expect(text.composition?.[0]).toContain("30 de jun. de 2025");
    expect(text.track_record?.[1]).toContain("11 de mar. de 2023");
  });

  it("leaves a question undisclosed when the data has nothing for it", () => {
    const bare = {
      ...issuer,
      redemption: { eligibility: null, minimumUsd: null, fee: null, settlement: null },
      licences: [],
      counterparties: [],
    };
    const answers = evaluate(bare, [], []);
    expect(answers.map((a) => [a.id, a.disclosed])).toEqual([
      ["redemption", false],
      ["composition", false],
      ["oversight", false],
      ["track_record", false],
    ]);
  });
});

describe("eligibility reasons", () => {
  it("say in English exactly what the domain says, and in Spanish and Portuguese with their digits", async () => {
    const { eligibleShare, getFramework } = await import("@/lib/domain/metrics/eligibility");
    const { eligibilityReason } = await import("@/components/issuer/eligibility-reason");
    const line = (category: ReserveCategory, amountUsd: string, maturity: string | null = null): CompositionLineData =>
      ({
        category,
        amountUsd: { value: amountUsd, precision: "exact" },
        sharePct: null,
        custodian: null,
        maturity,
        sourceUrl: null,
      }) as CompositionLineData;
    const base = { asOf: "2025-06-30", totalReserves: { value: "100", precision: "exact" } } as unknown as AttestationData;
    const cases: AttestationData[] = [
      { ...base, composition: [] },
      { ...base, composition: [line("cash_deposits", "40"), line("tbills_93d", "50")] },
      { ...base, composition: [line("cash_deposits", "40"), line("tbills_93d", "30"), line("other_undisclosed", "30")] },
      { ...base, composition: [line("cash_deposits", "80"), line("tbills_93d", "40")] },
    ];
    const genius = getFramework("us_genius_2025");
    for (const a of cases) {
      const r = eligibleShare(a, genius);
      expect(eligibilityReason(r.why, translator(en, "eligibilityReason"), "en")).toBe(r.reason);
    }
    const partial = eligibleShare(cases[1]!, genius);
    expect(eligibilityReason(partial.why, translator(pt, "eligibilityReason", "pt"), "pt")).toBe(
      "10 pontos não puderam ser avaliados, então este é um limite inferior (no máximo 100%). Ativos “outros / não divulgado” contam como não elegíveis.",
    );
    expect(eligibilityReason(partial.why, translator(es, "eligibilityReason", "es"), "es")).toContain("10 puntos no pudieron evaluarse");
  });
});
