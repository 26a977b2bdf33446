// A report as every path writes it: the shared `attestationInput` plus the
// rules that hold for any report recorded today (no future dates, no
// implausible magnitudes, lines that do not exceed the total). The editor form
// validates with this schema while typing, and the server's editor commands,
// the bulk import (its dry run too), dataset loads (the seed) and the pack
// re-import all parse with this very schema: one set of rules per record.
import Decimal from "decimal.js";

import { isCalendarDate, isCalendarMonth } from "@/lib/domain/dates";
import { reconcile } from "@/lib/domain/metrics/composition";
import type { CompositionLineData, Figure } from "@/lib/domain/types";

import { asOfParts, attestationInput, type AttestationInput } from "./attestation";

/** Larger than any dollar stablecoin by two orders of magnitude: a slipped digit, not a report. */
export const PLAUSIBLE_MAX_USD = "10000000000000"; // $10 trillion

/** The tolerance, in points of total reserves, within which lines must reconcile. */
export const RECONCILE_TOLERANCE_PCT = "0.5";

export function todayUtcString(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const isAmount = (s: unknown): s is string => typeof s === "string" && /^\d+(\.\d{1,2})?$/.test(s);
const isFigure = (f: unknown): f is Figure =>
  !!f && typeof f === "object" && isAmount((f as Figure).value) && typeof (f as Figure).precision === "string";

/** Lines in the shape the metrics take, or null while any of them is not yet valid. */
export function linesForMetrics(a: Pick<AttestationInput, "composition">): CompositionLineData[] | null {
  if (!Array.isArray(a.composition)) return null;
  const lines: CompositionLineData[] = [];
  for (const l of a.composition) {
    if (!l || typeof l !== "object") return null;
    const amount = l.amountUsd ?? null;
    if (amount !== null && !isFigure(amount)) return null;
    const share = l.sharePct ?? null;
    if (share !== null && !(typeof share === "string" && /^\d{1,3}(\.\d{1,4})?$/.test(share))) return null;
    if (amount === null && share === null) return null;
    lines.push({
      category: l.category,
      amountUsd: amount,
      sharePct: share,
      custodian: l.custodian ?? null,
      maturity: l.maturity ?? null,
      sourceUrl: l.sourceUrl ?? null,
    });
  }
  return lines;
}

export const attestationEditorInput = attestationInput.superRefine((a, ctx) => {
  // Runs even when other fields failed (zod 4), so every value is checked defensively.
  const today = todayUtcString();
  if (typeof a.asOf === "string" && (isCalendarDate(a.asOf) || isCalendarMonth(a.asOf)) && asOfParts(a.asOf).asOf > today) {
    ctx.addIssue({ code: "custom", path: ["asOf"], message: `cannot be in the future (today is ${today})` });
  }
  if (typeof a.publishedOn === "string" && a.publishedOn > today) {
    ctx.addIssue({ code: "custom", path: ["publishedOn"], message: `cannot be in the future (today is ${today})` });
  }
  const tooLarge = (value: unknown) => isAmount(value) && new Decimal(value).gt(PLAUSIBLE_MAX_USD);
  const implausible = "is implausibly large (over $10 trillion): check the digits";
  if (tooLarge(a.tokensOutstanding?.value)) ctx.addIssue({ code: "custom", path: ["tokensOutstanding", "value"], message: implausible });
  if (tooLarge(a.totalReserves?.value)) ctx.addIssue({ code: "custom", path: ["totalReserves", "value"], message: implausible });
  if (Array.isArray(a.composition)) {
    a.composition.forEach((l, i) => {
      if (tooLarge(l?.amountUsd?.value))
        ctx.addIssue({ code: "custom", path: ["composition", i, "amountUsd", "value"], message: implausible });
    });
  }
  // Lines below the total are a partial capture (shown as "not captured by us");
  // lines above it, beyond the tolerance, are a typing or reading mistake,
  // unless the total is only a lower bound ("at least …").
  const lines = linesForMetrics(a);
  const total = a.totalReserves === null || a.totalReserves === undefined ? null : isFigure(a.totalReserves) ? a.totalReserves : undefined;
  if (lines && lines.length > 0 && total !== undefined) {
    const r = reconcile(lines, total, RECONCILE_TOLERANCE_PCT);
    if (r.status === "lines_above_total" && total?.precision !== "lower_bound") {
      ctx.addIssue({
        code: "custom",
        path: ["composition"],
        message: `${r.reason} (tolerance ${r.tolerancePct} points): correct the lines or total reserves`,
      });
    }
  }
});
