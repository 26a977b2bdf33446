// The reference text's evaluation questions (redemption, composition,
// oversight, track record), answered from stored data where it exists and
// "not disclosed" where it does not. Facts only: no verdicts, no grades.
// Each fact is a code with its values; the page puts it into words in the
// reader's language (components/issuer/evaluation.tsx, messages/<l>/issuer.json).
import { compositionSource } from "@/lib/domain/metrics/composition";
import type { Measured } from "@/lib/domain/precision";
import type { Assurance, ReserveCategory } from "@/lib/domain/taxonomy";
import type { AttestationData, IssuerData, StressEventData } from "@/lib/domain/types";

export type EvaluationFact =
  | { kind: "whoMayRedeem"; text: string }
  | { kind: "minimumRedemption"; usd: string }
  | { kind: "fee"; text: string }
  | { kind: "settlement"; text: string }
  | { kind: "largestCategories"; asOf: string; top: { category: ReserveCategory; share: Measured }[] }
  | { kind: "otherUndisclosed"; share: Measured }
  | { kind: "noOtherUndisclosed" }
  | { kind: "laterPartial"; asOf: string; captured: Measured }
  | { kind: "reportsBy"; firms: string[] }
  | { kind: "assuranceMethods"; methods: Assurance[] }
  | { kind: "counterparties"; names: string[] }
  | { kind: "licences"; licences: { licence: string; regulator: string }[] }
  | { kind: "stressEvents"; count: number }
  | { kind: "lowestDepegPrice"; price: string; date: string | null }
  | { kind: "responsesRecorded"; count: number };

export interface EvaluationAnswer {
  /** Also the question's key in the catalogue (issuer.evaluation.questions.<id>). */
  id: "redemption" | "composition" | "oversight" | "track_record";
  /** Each fact from the data; an empty list means nothing is disclosed. */
  facts: EvaluationFact[];
  disclosed: boolean;
}

const present = <T>(f: T | null | undefined | "" | false): f is T => Boolean(f);

export function evaluate(
  issuer: IssuerData,
  published: readonly AttestationData[],
  stress: readonly StressEventData[],
): EvaluationAnswer[] {
  const r = issuer.redemption;
  const redemption: EvaluationFact[] = [
    r.eligibility && ({ kind: "whoMayRedeem", text: r.eligibility } as const),
    r.minimumUsd && ({ kind: "minimumRedemption", usd: r.minimumUsd } as const),
    r.fee && ({ kind: "fee", text: r.fee } as const),
    r.settlement && ({ kind: "settlement", text: r.settlement } as const),
  ].filter(present);

  // Only a breakdown that stands for the whole reserves names the largest categories (COMPLETE_BREAKDOWN_PCT).
  const source = compositionSource([...published].sort((a, b) => a.asOf.localeCompare(b.asOf)));
  const latestWithLines = source.report;
  const composition: EvaluationFact[] = [];
  if (latestWithLines && source.shares) {
    const shares = source.shares;
    const top = [...shares.categories]
      .filter((c) => c.sharePct.value !== null)
      .sort((a, b) => Number(b.sharePct.value) - Number(a.sharePct.value))
      .slice(0, 3)
      .map((c) => ({ category: c.category, share: c.sharePct }));
    composition.push({ kind: "largestCategories", asOf: latestWithLines.asOf, top });
    composition.push(
      shares.otherUndisclosedPct.value !== null && Number(shares.otherUndisclosedPct.value) > 0
        ? { kind: "otherUndisclosed", share: shares.otherUndisclosedPct }
        : { kind: "noOtherUndisclosed" },
    );
  }
  if (source.laterPartial) {
    composition.push({ kind: "laterPartial", asOf: source.laterPartial.report.asOf, captured: source.laterPartial.shares.capturedPct });
  }

  const firms = [...new Set(published.map((a) => a.firm).filter((f): f is string => Boolean(f)))];
  const methods = [...new Set(published.map((a) => a.assurance))];
  const banks = issuer.counterparties.map((c) => c.name);
  const oversight: EvaluationFact[] = [
    firms.length ? ({ kind: "reportsBy", firms } as const) : null,
    published.length ? ({ kind: "assuranceMethods", methods } as const) : null,
    banks.length ? ({ kind: "counterparties", names: banks } as const) : null,
    issuer.licences.length
      ? ({ kind: "licences", licences: issuer.licences.map((l) => ({ licence: l.licence, regulator: l.regulator })) } as const)
      : null,
  ].filter(present);

  const track: EvaluationFact[] = [];
  if (stress.length) {
    const depegs = stress.filter((e) => e.kind === "depeg" && e.lowestPrice !== null);
    track.push({ kind: "stressEvents", count: stress.length });
    if (depegs.length) {
      const low = depegs.reduce((m, e) => (Number(e.lowestPrice) < Number(m.lowestPrice) ? e : m));
      track.push({ kind: "lowestDepegPrice", price: low.lowestPrice!, date: low.startDate });
    }
    track.push({ kind: "responsesRecorded", count: stress.filter((e) => e.issuerResponse).length });
  }

  return [
    { id: "redemption", facts: redemption, disclosed: redemption.length > 0 },
    { id: "composition", facts: composition, disclosed: composition.length > 0 },
    { id: "oversight", facts: oversight, disclosed: oversight.length > 0 },
    { id: "track_record", facts: track, disclosed: track.length > 0 },
  ];
}
