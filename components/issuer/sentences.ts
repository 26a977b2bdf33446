// Sentences the issuer page builds from domain results, in the reader's language.
// The domain (lib/domain) writes some of them in English for the API and logs;
// the page rebuilds them from their parts with the message catalogue
// (messages/<locale>/issuer.json). tests/unit/issuer-sentences.test.ts checks that
// the English catalogue says exactly what the domain says.
import Decimal from "decimal.js";

import type { EvaluationFact } from "@/lib/domain/evaluation";
import { DEFAULT_LAG_DAYS, type OverdueJudgement, type PublicationLag } from "@/lib/domain/metrics/cadence";
import type { CompositionShares } from "@/lib/domain/metrics/composition";
import type { Measured } from "@/lib/domain/precision";
import type { Assurance, ReserveCategory } from "@/lib/domain/taxonomy";
import { formatDay } from "@/lib/i18n/dates";
import { localizeDigits, type NumberLocale } from "@/lib/i18n/numbers";

/** A translator bound to the "issuer" namespace (or a sub-namespace, as noted). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The overdue judgement's explanation (lib/domain/metrics/cadence.ts overdueJudgement). t: issuer.keyFigures. */
export function cadenceExplanation(o: OverdueJudgement, t: Translate, locale: NumberLocale): string {
  if (o.status === "no_cadence") return t("explanation.noCadence");
  if (o.status === "no_reports") return t("explanation.noReports");
  if (!o.nextExpectedAsOf || !o.windowStart || !o.windowEnd || o.graceDays === null) return o.explanation;
  const typical = o.usedDefaultLag ? null : o.typicalLagDays;
  if (!o.usedDefaultLag && typical === null) return o.explanation;
  const values = {
    next: formatDay(o.nextExpectedAsOf, locale),
    start: formatDay(o.windowStart, locale),
    end: formatDay(o.windowEnd, locale),
    lag:
      typical === null
        ? t("explanation.defaultLag", { days: DEFAULT_LAG_DAYS })
        : t("explanation.medianLag", { days: localizeDigits(String(typical), locale) }),
    grace: o.graceDays,
  };
  if (o.status === "overdue" && o.daysOverdue !== null) return t("explanation.overdue", { ...values, days: o.daysOverdue });
  return t("explanation.expected", values);
}

const COVERAGE_REASONS: Record<string, string> = {
  "total reserves not reported": "coverageReason.noReserves",
  "tokens outstanding not reported": "coverageReason.noTokens",
  "tokens outstanding is zero, so no ratio can be computed": "coverageReason.zeroTokens",
};

/** Why coverage cannot be computed (lib/domain/metrics/coverage.ts); other reasons stay as given. t: issuer.keyFigures. */
export function coverageReason(reason: string | undefined, t: Translate): string {
  if (!reason) return "";
  const key = COVERAGE_REASONS[reason];
  return key ? t(key) : reason;
}

/** The note on a publication lag (lib/domain/metrics/cadence.ts publicationLag). t: issuer.reports. */
export function lagNote(lag: PublicationLag, t: Translate): string | undefined {
  if (!lag.note) return undefined;
  if (lag.note.startsWith("published within")) return t("lagNote.withinMonth");
  return lag.fromMonthEnd ? t("lagNote.monthOnly") : lag.note;
}

/** The reconciliation of lines against total reserves (lib/domain/metrics/composition.ts reconcile). t: issuer. */
export function reconciliationText(shares: CompositionShares, t: Translate, locale: NumberLocale): string {
  const r = shares.reconciliation;
  const points = r.differencePct === null ? null : localizeDigits(new Decimal(r.differencePct).abs().toDecimalPlaces(2).toFixed(), locale);
  switch (r.status) {
    case "matches":
      return t("composition.reconciliation.matches", { tolerance: localizeDigits(r.tolerancePct, locale) });
    case "lines_below_total":
      return points === null ? r.reason : t("composition.reconciliation.below", { points });
    case "lines_above_total":
      if (points === null) return r.reason;
      return shares.totalReserves.bound === "lower"
        ? t("composition.reconciliation.aboveMinimum", { points })
        : t("composition.reconciliation.above", { points });
    case "not_checkable":
      return r.reason.startsWith("no composition") ? t("composition.reconciliation.noLines") : t("composition.reconciliation.notCheckable");
  }
}

export interface FactFormat {
  locale: NumberLocale;
  pct: (m: Measured, digits: number) => string;
  /** A plain published amount ("$100,000"). */
  wholeUsd: (value: string) => string;
  /** A price as stored ("$0.87"). */
  priceUsd: (value: string) => string;
  category: (c: ReserveCategory) => string;
  assurance: (a: Assurance) => string;
}

/** One fact from lib/domain/evaluation.ts as a sentence. t: issuer.evaluation. */
export function evaluationSentence(fact: EvaluationFact, t: Translate, f: FactFormat): string {
  switch (fact.kind) {
    case "whoMayRedeem":
      return t("facts.whoMayRedeem", { text: fact.text });
    case "minimumRedemption":
      return t("facts.minimumRedemption", { amount: f.wholeUsd(fact.usd) });
    case "fee":
      return t("facts.fee", { text: fact.text });
    case "settlement":
      return t("facts.settlement", { text: fact.text });
    case "largestCategories":
      return t("facts.largestCategories", {
        date: formatDay(fact.asOf, f.locale),
        list: fact.top
          .map((c) => t("facts.categoryShare", { category: f.category(c.category), share: f.pct(c.share, 1) }))
          .join(t("listSeparator")),
      });
    case "otherUndisclosed":
      return t("facts.otherUndisclosed", { share: f.pct(fact.share, 1) });
    case "noOtherUndisclosed":
      return t("facts.noOtherUndisclosed");
    case "laterPartial":
      return fact.captured.value === null
        ? t("facts.laterPartialUnknown", { date: formatDay(fact.asOf, f.locale) })
        : t("facts.laterPartial", { date: formatDay(fact.asOf, f.locale), share: f.pct(fact.captured, 0) });
    case "reportsBy":
      return t("facts.reportsBy", { firms: fact.firms.join(t("listSeparator")) });
    case "assuranceMethods":
      return t("facts.assuranceMethods", { methods: fact.methods.map((m) => f.assurance(m)).join(t("itemSeparator")) });
    case "counterparties":
      return t("facts.counterparties", { names: fact.names.join(t("listSeparator")) });
    case "licences":
      return t("facts.licences", {
        list: fact.licences.map((l) => t("facts.licence", { licence: l.licence, regulator: l.regulator })).join(t("itemSeparator")),
      });
    case "stressEvents":
      return t("facts.stressEvents", { count: fact.count });
    case "lowestDepegPrice":
      return t("facts.lowestDepegPrice", {
        price: f.priceUsd(fact.price),
        date: fact.date !== null ? formatDay(fact.date, f.locale) : t("facts.dateNotDocumented"),
      });
    case "responsesRecorded":
      return t("facts.responsesRecorded", { count: fact.count });
  }
}
