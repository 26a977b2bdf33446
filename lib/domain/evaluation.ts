// The reference text's evaluation questions (redemption, composition,
// oversight, track record), answered from stored data where it exists and
// "not disclosed" where it does not. Facts only: no verdicts, no grades.
import type { AttestationData, IssuerData, StressEventData } from "@/lib/domain/types";
import { ASSURANCE_LABELS, CATEGORY_LABELS } from "@/lib/domain/taxonomy";
import { compositionShares } from "@/lib/domain/metrics/composition";
import { formatPct } from "@/lib/domain/precision";

export interface EvaluationAnswer {
  id: "redemption" | "composition" | "oversight" | "track_record";
  question: string;
  /** Each fact from the data; an empty list means nothing is disclosed. */
  facts: string[];
  disclosed: boolean;
}


export function evaluate(issuer: IssuerData, published: readonly AttestationData[], stress: readonly StressEventData[]): EvaluationAnswer[] {
  const r = issuer.redemption;
  const redemption = [
    r.eligibility && `Who may redeem: ${r.eligibility}.`,
    r.minimumUsd && `Minimum redemption: $${Number(r.minimumUsd).toLocaleString("en-US")}.`,
    r.fee && `Fee: ${r.fee}.`,
    r.settlement && `Stated settlement time: ${r.settlement}.`,
  ].filter((f): f is string => Boolean(f));

  const latestWithLines = [...published].filter((a) => a.composition.length > 0).sort((a, b) => a.asOf.localeCompare(b.asOf)).at(-1);
  const composition: string[] = [];
  if (latestWithLines) {
    const shares = compositionShares(latestWithLines);
    const top = [...shares.categories]
      .filter((c) => c.sharePct.value !== null)
      .sort((a, b) => Number(b.sharePct.value) - Number(a.sharePct.value))
      .slice(0, 3)
      .map((c) => `${CATEGORY_LABELS[c.category]} ${formatPct(c.sharePct, 1)}`);
    composition.push(`Largest categories as of ${latestWithLines.asOf}: ${top.join(", ")}.`);
    composition.push(
      shares.otherUndisclosedPct.value !== null && Number(shares.otherUndisclosedPct.value) > 0
        ? `Other / undisclosed: ${formatPct(shares.otherUndisclosedPct, 1)} of reserves.`
        : "No “other / undisclosed” line in that report.",
    );
  }

  const firms = [...new Set(published.map((a) => a.firm).filter((f): f is string => Boolean(f)))];
  const methods = [...new Set(published.map((a) => ASSURANCE_LABELS[a.assurance]))];
  const banks = issuer.counterparties.map((c) => c.name);
  const oversight = [
    firms.length ? `Reports by: ${firms.join(", ")}.` : null,
    published.length ? `Assurance methods seen: ${methods.join("; ")}.` : null,
    banks.length ? `Named banks, custodians or managers: ${banks.join(", ")}.` : null,
    issuer.licences.length ? `Licences: ${issuer.licences.map((l) => `${l.licence} (${l.regulator})`).join("; ")}.` : null,
  ].filter((f): f is string => Boolean(f));

  const track: string[] = [];
  if (stress.length) {
    const depegs = stress.filter((e) => e.kind === "depeg" && e.lowestPrice !== null);
    track.push(`${stress.length} stress ${stress.length === 1 ? "event" : "events"} recorded.`);
    if (depegs.length) {
      const low = depegs.reduce((m, e) => (Number(e.lowestPrice) < Number(m.lowestPrice) ? e : m));
      track.push(`Lowest recorded price in a depeg: $${low.lowestPrice} (${low.startDate ?? "date not documented"}).`);
    }
    const responses = stress.filter((e) => e.issuerResponse).length;
    track.push(`The issuer's response is recorded for ${responses} of them.`);
  }

  return [
    { id: "redemption", question: "Can holders redeem for dollars, who, how much and how fast?", facts: redemption, disclosed: redemption.length > 0 },
    { id: "composition", question: "What backs the token?", facts: composition, disclosed: composition.length > 0 },
    { id: "oversight", question: "Who holds and who checks the reserves?", facts: oversight, disclosed: oversight.length > 0 },
    { id: "track_record", question: "How did the issuer behave under stress?", facts: track, disclosed: track.length > 0 },
  ];
}

