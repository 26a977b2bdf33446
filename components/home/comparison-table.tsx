import Link from "next/link";
import { comparisonRows, type ComparisonRow } from "@/lib/server/queries/comparison";
import { BACKING_MODEL_LABELS, BACKING_MODELS, CADENCE_LABELS, CATEGORY_LABELS, ISSUER_STATUS_LABELS, ISSUER_STATUSES } from "@/lib/domain/taxonomy";
import { formatAsOf } from "@/lib/domain/dates";
import { formatPct } from "@/lib/domain/precision";
import { CATEGORY_COLORS } from "@/lib/charts/palette";
import { IssuerTable, type TableRow } from "./issuer-table";

const BOUND_NOTE = { exact: "", approx: "approximate (rounded inputs)", lower: "lower bound", upper: "upper bound", unknown: "" } as const;

function toTableRow(r: ComparisonRow): TableRow {
  const cov = r.coveragePct;
  const other = r.otherUndisclosedPct;
  const overdue =
    r.overdue.status === "overdue" ? `overdue ${r.overdue.daysOverdue} days` : r.overdue.status === "expected_between" ? "report due now" : "";
  return {
    slug: r.issuer.slug,
    name: r.issuer.name,
    symbols: r.issuer.tokenSymbols.join(", "),
    isDemo: r.issuer.isDemo,
    backing: r.issuer.backingModel,
    backingLabel: BACKING_MODEL_LABELS[r.issuer.backingModel],
    status: r.issuer.status,
    statusLabel: ISSUER_STATUS_LABELS[r.issuer.status],
    jurisdiction: r.issuer.homeJurisdiction ?? "",
    coverage: {
      text: cov && cov.value !== null ? formatPct(cov, 1) : "n/a",
      title: cov ? [BOUND_NOTE[cov.bound], cov.reason].filter(Boolean).join(": ") || "reserves / tokens outstanding" : "no report",
      sort: cov && cov.value !== null ? Number(cov.value) : null,
      note: [r.coverageOnGroupTotals ? "group totals" : null, r.coverageAsOf ? `as of ${r.coverageAsOf}` : null].filter(Boolean).join(", ") || null,
    },
    bar: r.composition
      ? {
          label: `Composition as of ${r.composition.asOf}: ${r.composition.parts
            .map((p) => `${p.category === "not_captured" ? "not captured by us" : CATEGORY_LABELS[p.category]} ${p.pct.toFixed(1)}%`)
            .join(", ")}`,
          parts: r.composition.parts.map((p) => ({
            key: p.category,
            label: p.category === "not_captured" ? "Not captured by us" : CATEGORY_LABELS[p.category],
            pct: p.pct,
            color: p.category === "not_captured" ? null : CATEGORY_COLORS[p.category],
          })),
        }
      : null,
    other: {
      text: other && other.value !== null ? formatPct(other, 1) : r.composition ? "none stated" : "n/a",
      title: other?.reason ?? "share of reserves in the issuer's own “other / undisclosed” line",
      sort: other && other.value !== null ? Number(other.value) : null,
    },
    eligible: {
      text: r.geniusEligible?.share && r.geniusEligible.share.value !== null ? formatPct(r.geniusEligible.share, 0) : "not assessed",
      title: r.geniusEligible ? `${r.geniusEligible.reason} Our mapping of reported categories to the GENIUS Act's reserve rule, not legal advice.` : "no composition captured",
      sort: r.geniusEligible?.share?.value != null ? Number(r.geniusEligible.share.value) : null,
    },
    lastAsOf: r.latest
      ? { text: formatAsOf(r.latest.asOf, r.latest.asOfPrecision), href: r.latest.sourceUrl ?? r.latest.reportUrl, daysSince: r.daysSinceAsOf }
      : null,
    cadence: {
      declared: CADENCE_LABELS[r.issuer.declaredCadence],
      found: r.reportsLast12Months,
      expected: r.expectedLast12Months,
      overdue,
      sort: r.expectedLast12Months ? r.reportsLast12Months / r.expectedLast12Months : null,
    },
    stress: r.stressEventCount,
  };
}

export async function ComparisonTable() {
  const { rows, today } = await comparisonRows();
  const jurisdictions = [...new Set(rows.map((r) => r.issuer.homeJurisdiction).filter((j): j is string => Boolean(j)))].sort();
  return (
    <>
      <IssuerTable
        rows={rows.map(toTableRow)}
        jurisdictions={jurisdictions}
        backings={BACKING_MODELS.map((key) => ({ key, label: BACKING_MODEL_LABELS[key] }))}
        statuses={ISSUER_STATUSES.map((key) => ({ key, label: ISSUER_STATUS_LABELS[key] }))}
      />
      <p className="sub">
        Figures as of each issuer&apos;s latest published report; ages and cadence judged on {today}. Coverage is total
        reserves divided by tokens outstanding; “group totals” marks ratios computed on a whole group&apos;s assets, which
        are not reserve coverage. <a href="/methodology">How every column is computed</a>.{" "}
        <a download href="/data/issuers.csv" data-testid="download-csv">
          Download CSV
        </a>{" "}
        (<Link href="/data#csv-issuers">columns</Link>).
      </p>
    </>
  );
}
