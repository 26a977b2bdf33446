// What an editor should double-check before saving a report, without being
// stopped: real reports do show coverage under 100% and late publication, and
// a partial composition is valid input (docs/domain.md, "Not captured by us, and
// other / undisclosed"). The form shows these while typing; the server returns
// the same list with every save.
import Decimal from "decimal.js";

import { daysBetween, endOfMonth, isCalendarDate, isCalendarMonth } from "@/lib/domain/dates";
import { reconcile } from "@/lib/domain/metrics/composition";
import { asOfParts, type AttestationInput } from "@/lib/domain/schemas/attestation";
import { linesForMetrics, RECONCILE_TOLERANCE_PCT } from "@/lib/domain/schemas/attestation-editor";

export const LATE_PUBLICATION_DAYS = 90;

export interface EditorWarning {
  field: string;
  message: string;
}

const amount = (f: { value: string } | null | undefined) => (f && /^\d+(\.\d{1,2})?$/.test(f.value) ? new Decimal(f.value) : null);

export function attestationWarnings(a: AttestationInput): EditorWarning[] {
  const warnings: EditorWarning[] = [];
  const reserves = amount(a.totalReserves);
  const tokens = amount(a.tokensOutstanding);
  if (reserves && tokens && tokens.gt(0) && reserves.lt(tokens)) {
    const pct = reserves.div(tokens).times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);
    warnings.push({
      field: "totalReserves",
      message: `Coverage is ${pct}%: total reserves are below tokens outstanding. This can be saved; check both figures against the report.`,
    });
  }
  if (a.publishedOn && isCalendarDate(a.publishedOn) && (isCalendarDate(a.asOf) || isCalendarMonth(a.asOf))) {
    const { asOf, asOfPrecision } = asOfParts(a.asOf);
    // A month-only as-of date is read as the month's end, the latest it can mean.
    const from = asOfPrecision === "month" ? endOfMonth(asOf) : asOf;
    const lag = daysBetween(from, a.publishedOn);
    if (lag > LATE_PUBLICATION_DAYS) {
      warnings.push({
        field: "publishedOn",
        message: `Published ${lag} days after the as-of date (more than ${LATE_PUBLICATION_DAYS}). This can be saved; check both dates.`,
      });
    }
  }
  const lines = linesForMetrics(a);
  if (lines && lines.length > 0) {
    const r = reconcile(lines, a.totalReserves ?? null, RECONCILE_TOLERANCE_PCT);
    if (r.status === "lines_below_total") {
      warnings.push({ field: "composition", message: `${r.reason} ("not captured by us" on the public page).` });
    } else if (r.status === "lines_above_total" && a.totalReserves?.precision === "lower_bound") {
      warnings.push({ field: "composition", message: r.reason });
    }
  }
  if (!a.reportUrl && !a.sourceUrl) {
    warnings.push({ field: "reportUrl", message: "A report URL or a source URL is needed before this report can be published." });
  }
  return warnings;
}
