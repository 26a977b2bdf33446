import "server-only";

import type { IssuerComputed } from "@/lib/domain/csv/records";

import { comparisonRows } from "./comparison";

/** issuers.csv's computed columns: exactly the home comparison table's figures (the same cached read model). */
export async function issuerComputedBySlug(): Promise<Map<string, IssuerComputed>> {
  const { rows, today } = await comparisonRows();
  return new Map(
    rows.map((r) => [
      r.issuer.slug,
      {
        latest: r.latest,
        coveragePct: r.coveragePct,
        coverageOnGroupTotals: r.coverageOnGroupTotals,
        otherUndisclosedPct: r.otherUndisclosedPct,
        compositionAsOf: r.composition?.asOf ?? null,
        daysSinceAsOf: r.daysSinceAsOf,
        reportsLast12Months: r.reportsLast12Months,
        expectedLast12Months: r.expectedLast12Months,
        overdue: r.overdue,
        stressEventCount: r.stressEventCount,
        judgedOn: today,
      },
    ]),
  );
}
