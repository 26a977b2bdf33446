// Composition shares per reserve category, the part we have not captured, the
// check of lines against total reserves, and the change since the previous report.
import Decimal from "decimal.js";

import { publishedInOrder } from "@/lib/domain/metrics/coverage";
import { addMeasured, divideMeasured, exactly, fromFigure, subtractMeasured, unknown, type Measured } from "@/lib/domain/precision";
import { RESERVE_CATEGORIES, type ReserveCategory } from "@/lib/domain/taxonomy";
import type { AttestationData, CompositionLineData, Figure } from "@/lib/domain/types";

/** check.py accepts exact lines up to 0.5 % above an exact total; we use the same default. */
export const DEFAULT_TOLERANCE_PCT = "0.5";

export interface LineShare {
  line: CompositionLineData;
  /** Percent of total reserves. */
  sharePct: Measured;
  basis: "amount" | "stated_share" | null;
}

function usableTotal(total: Figure | null): boolean {
  return total !== null && new Decimal(total.value).gt(0);
}

/** An amount beats a stated share: the share is recomputed from the figures we can show. */
export function lineShares(lines: readonly CompositionLineData[], totalReserves: Figure | null): LineShare[] {
  const total = fromFigure(totalReserves);
  const canDivide = usableTotal(totalReserves);
  return lines.map((line): LineShare => {
    if (line.amountUsd && canDivide) {
      return { line, sharePct: divideMeasured(fromFigure(line.amountUsd), total, 100), basis: "amount" };
    }
    // Shares have no precision column in the data: they are used as stated.
    if (line.sharePct !== null) return { line, sharePct: exactly(line.sharePct), basis: "stated_share" };
    const why = totalReserves ? "total reserves are zero and no share is stated" : "total reserves not reported and no share stated";
    return { line, sharePct: unknown(why), basis: null };
  });
}

export interface CategoryShare {
  category: ReserveCategory;
  sharePct: Measured;
  /** Sum of the category's amounts; unknown when a line has only a share. */
  amountUsd: Measured;
  basis: "amount" | "stated_share" | "mixed" | null;
  lineCount: number;
}

export type ReconciliationStatus = "matches" | "lines_below_total" | "lines_above_total" | "not_checkable";

export interface Reconciliation {
  status: ReconciliationStatus;
  basis: "amounts" | "shares" | null;
  /** Total reserves minus the captured lines, USD (negative: lines above the total). */
  differenceUsd: string | null;
  /** The same difference in points of total reserves. */
  differencePct: string | null;
  tolerancePct: string;
  reason: string;
}

export interface CompositionShares {
  attestationId: string;
  asOf: string;
  totalReserves: Measured;
  categories: CategoryShare[];
  capturedPct: Measured;
  /** Our gap: reserves no captured line accounts for. Never mixed with the issuer's own "other / undisclosed" line. */
  notCapturedPct: Measured;
  notCapturedUsd: Measured;
  /** The issuer's own opacity: its "other / undisclosed" line. */
  otherUndisclosedPct: Measured;
  reconciliation: Reconciliation;
}

function isZero(m: Measured): boolean {
  return m.value !== null && new Decimal(m.value).isZero();
}

function clampAtZero(m: Measured, reason: string): Measured {
  if (m.value === null || new Decimal(m.value).gte(0)) return m;
  return { value: "0", bound: m.bound, reason };
}

export function reconcile(
  lines: readonly CompositionLineData[],
  totalReserves: Figure | null,
  tolerancePct: Decimal.Value = DEFAULT_TOLERANCE_PCT,
): Reconciliation {
  const tol = new Decimal(tolerancePct);
  const base = { tolerancePct: tol.toFixed(), differenceUsd: null, differencePct: null };
  if (lines.length === 0) return { ...base, status: "not_checkable", basis: null, reason: "no composition lines captured" };
  let basis: "amounts" | "shares";
  let differenceUsd: string | null = null;
  let diffPct: Decimal;
  if (usableTotal(totalReserves) && lines.every((l) => l.amountUsd)) {
    const total = new Decimal((totalReserves as Figure).value);
    const sum = lines.reduce((acc, l) => acc.plus((l.amountUsd as Figure).value), new Decimal(0));
    basis = "amounts";
    differenceUsd = total.minus(sum).toFixed();
    diffPct = total.minus(sum).div(total).times(100);
  } else {
    const shares = lineShares(lines, totalReserves);
    if (shares.some((s) => s.sharePct.value === null)) {
      return {
        ...base,
        status: "not_checkable",
        basis: null,
        reason: "some lines have neither a share nor an amount that can be set against total reserves",
      };
    }
    basis = "shares";
    diffPct = shares.reduce((acc, s) => acc.minus(s.sharePct.value as string), new Decimal(100));
  }
  const differencePct = diffPct.toDecimalPlaces(10).toFixed();
  const points = diffPct.abs().toDecimalPlaces(2).toFixed();
  const found = { ...base, basis, differenceUsd, differencePct };
  if (diffPct.abs().lte(tol)) {
    return { ...found, status: "matches", reason: `captured lines match total reserves within ${tol.toFixed()} points` };
  }
  if (diffPct.gt(0)) {
    const reason = `captured lines are ${points} points below total reserves; the remainder is not captured by us`;
    return { ...found, status: "lines_below_total", reason };
  }
  const minimum =
    totalReserves?.precision === "lower_bound" ? "; total reserves are stated as a minimum, so lines above it are possible" : "";
  return { ...found, status: "lines_above_total", reason: `captured lines exceed total reserves by ${points} points${minimum}` };
}

// Read models are plain data, never changed once built: the issuer page asks for the same report's
// shares from its composition source, its history chart and its evaluation (about 120 reports each at
// ten years of monthly reports, most of the page's decimal arithmetic), so each is computed once.
const sharesOf = new WeakMap<AttestationData, CompositionShares>();

export function compositionShares(a: AttestationData): CompositionShares {
  let found = sharesOf.get(a);
  if (!found) sharesOf.set(a, (found = computeCompositionShares(a)));
  return found;
}

function computeCompositionShares(a: AttestationData): CompositionShares {
  const shares = lineShares(a.composition, a.totalReserves);
  const totalReserves = fromFigure(a.totalReserves, "total reserves not reported");
  const categories: CategoryShare[] = [];
  for (const category of RESERVE_CATEGORIES) {
    const own = shares.filter((s) => s.line.category === category);
    if (own.length === 0) continue;
    const bases = new Set(own.map((s) => s.basis));
    const amounts = own.map((s) => fromFigure(s.line.amountUsd, "a line of this category has no amount"));
    categories.push({
      category,
      sharePct: addMeasured(...own.map((s) => s.sharePct)),
      amountUsd: addMeasured(...amounts),
      basis: bases.size === 1 ? (own[0]?.basis ?? null) : bases.has(null) ? null : "mixed",
      lineCount: own.length,
    });
  }
  const capturedPct = shares.length === 0 ? exactly(0) : addMeasured(...shares.map((s) => s.sharePct));
  const remainder = subtractMeasured(exactly(100), capturedPct);
  const notCapturedPct =
    capturedPct.value === null
      ? unknown("some captured lines have no share, so the remainder is unknown")
      : clampAtZero(remainder, "captured lines add up to more than total reserves; see the reconciliation");

  let notCapturedUsd: Measured;
  if (!usableTotal(a.totalReserves)) notCapturedUsd = unknown("total reserves not reported");
  else if (a.composition.some((l) => !l.amountUsd)) notCapturedUsd = unknown("some lines give a share only");
  else {
    const lineSum = a.composition.length === 0 ? exactly(0) : addMeasured(...a.composition.map((l) => fromFigure(l.amountUsd)));
    notCapturedUsd = clampAtZero(subtractMeasured(totalReserves, lineSum), "captured lines add up to more than total reserves");
  }

  const other = categories.find((c) => c.category === "other_undisclosed");
  let otherUndisclosedPct: Measured;
  if (other) otherUndisclosedPct = other.sharePct;
  else if (isZero(notCapturedPct)) otherUndisclosedPct = { value: "0", bound: notCapturedPct.bound === "exact" ? "exact" : "approx" };
  else otherUndisclosedPct = unknown("no other / undisclosed line captured, and part of the reserves is not captured by us");

  return {
    attestationId: a.id,
    asOf: a.asOf,
    totalReserves,
    categories,
    capturedPct,
    notCapturedPct,
    notCapturedUsd,
    otherUndisclosedPct,
    reconciliation: reconcile(a.composition, a.totalReserves),
  };
}

export interface CategoryChange {
  category: ReserveCategory;
  previousPct: Measured;
  currentPct: Measured;
  /** Percentage points. */
  ppChange: Measured;
  previousUsd: Measured;
  currentUsd: Measured;
  usdChange: Measured;
}

export interface CompositionChange {
  attestationId: string;
  previousId: string | null;
  previousAsOf: string | null;
  changes: CategoryChange[];
  note: string | null;
}

/** A category absent from a fully captured composition was not held; absent from a partial one, it is unknown. */
function categoryIn(s: CompositionShares, category: ReserveCategory): { pct: Measured; usd: Measured } {
  const found = s.categories.find((c) => c.category === category);
  if (found) return { pct: found.sharePct, usd: found.amountUsd };
  if (isZero(s.notCapturedPct)) {
    const zero: Measured = { value: "0", bound: s.notCapturedPct.bound === "exact" ? "exact" : "approx" };
    return { pct: zero, usd: zero };
  }
  const missing = unknown(`not captured in the report as of ${s.asOf}`);
  return { pct: missing, usd: missing };
}

export function compositionChange(current: AttestationData, previous: AttestationData | null): CompositionChange {
  if (!previous) {
    return { attestationId: current.id, previousId: null, previousAsOf: null, changes: [], note: "no earlier published report" };
  }
  const now = compositionShares(current);
  const before = compositionShares(previous);
  const present = new Set([...now.categories, ...before.categories].map((c) => c.category));
  const changes = RESERVE_CATEGORIES.filter((c) => present.has(c)).map((category): CategoryChange => {
    const cur = categoryIn(now, category);
    const prev = categoryIn(before, category);
    return {
      category,
      previousPct: prev.pct,
      currentPct: cur.pct,
      ppChange: subtractMeasured(cur.pct, prev.pct),
      previousUsd: prev.usd,
      currentUsd: cur.usd,
      usdChange: subtractMeasured(cur.usd, prev.usd),
    };
  });
  const note =
    current.scope !== previous.scope ? "the two reports are on different bases (scope), so the changes compare unlike totals" : null;
  return { attestationId: current.id, previousId: previous.id, previousAsOf: previous.asOf, changes, note };
}

/** Change against the latest earlier published report of the same issuer; null when the report is not published. */
export function changeSincePrevious(attestations: readonly AttestationData[], attestationId: string): CompositionChange | null {
  const ordered = publishedInOrder(attestations);
  const current = ordered.find((a) => a.id === attestationId);
  if (!current) return null;
  const earlier = ordered.filter((a) => a.issuerSlug === current.issuerSlug && a.asOf < current.asOf);
  return compositionChange(current, earlier.at(-1) ?? null);
}

/**
 * A breakdown speaks for the whole reserves only when its captured lines cover
 * at least this share of total reserves (methodology, "Which report the
 * composition comes from"). Below it, naming a partial report's lines as the
 * "largest categories" or judging eligibility on them would describe a
 * quarter of the reserves as if it were all of them.
 */
export const COMPLETE_BREAKDOWN_PCT = 90;

/** Whether a report's captured lines cover enough of total reserves to stand for the whole. */
export function isCompleteBreakdown(shares: CompositionShares): boolean {
  return shares.capturedPct.value !== null && Number(shares.capturedPct.value) >= COMPLETE_BREAKDOWN_PCT;
}

export interface CompositionSource<A extends AttestationData = AttestationData> {
  /** The latest report whose breakdown is complete: what latest composition, largest categories, eligibility, the liquidity ladder and concentration use. */
  report: A | null;
  shares: CompositionShares | null;
  /** The report before it with a complete breakdown, for "change since the previous report". */
  previous: A | null;
  /** A newer report that breaks down less than the threshold: named with its captured share, never used for the figures above. */
  laterPartial: { report: A; shares: CompositionShares } | null;
  /** Every report with lines and its shares, oldest first (computed once here; the history charts reuse them). */
  withLines: { report: A; shares: CompositionShares }[];
}

/** Which report the composition comes from, and why (reports in as-of order, oldest first). One rule for the pages, the API and the CSV files. */
export function compositionSource<A extends AttestationData>(ordered: readonly A[]): CompositionSource<A> {
  const withLines = ordered.filter((a) => a.composition.length > 0).map((a) => ({ report: a, shares: compositionShares(a) }));
  const complete = withLines.filter((x) => isCompleteBreakdown(x.shares));
  const chosen = complete.at(-1) ?? null;
  const newest = withLines.at(-1) ?? null;
  return {
    report: chosen?.report ?? null,
    shares: chosen?.shares ?? null,
    previous: complete.at(-2)?.report ?? null,
    laterPartial: newest && newest !== chosen ? newest : null,
    withLines,
  };
}
