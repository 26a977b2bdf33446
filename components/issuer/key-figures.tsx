import type { IssuerPageModel } from "@/lib/server/queries/issuer-page";
import { ASSURANCE_LABELS, REPORT_TYPE_LABELS, SCOPE_LABELS } from "@/lib/domain/taxonomy";
import { formatAsOf } from "@/lib/domain/dates";
import { Usd } from "@/components/ui/money";
import { Pct } from "@/components/ui/measured";
import { SourceLink } from "@/components/ui/source-link";

const STATUS_TEXT = {
  on_schedule: "On schedule",
  expected_between: "Next report due now",
  overdue: "Overdue",
  no_cadence: "No cadence declared",
  no_reports: "No reports yet",
} as const;

/** The latest report at a glance, and whether the next one is due. */
export function KeyFigures({ model }: { model: IssuerPageModel }) {
  const { latest, latestCoverage, cadence } = model;
  // The latest report may give no figures; then the latest coverage that can be computed, with its date.
  const earlierCoverage =
    latestCoverage?.coveragePct.value === null ? [...model.coverageOverTime].reverse().find((c) => c.coveragePct.value !== null) : undefined;
  const o = cadence.overdue;
  return (
    <div className="cards">
      <section className="card" aria-labelledby="latest-h">
        <h2 id="latest-h">Latest report</h2>
        {latest ? (
          <dl className="kv">
            <dt>As of</dt>
            <dd>
              {formatAsOf(latest.asOf, latest.asOfPrecision)}
              {latest.asOfPrecision === "month" && <span className="sub"> (month only)</span>}
            </dd>
            <dt>Coverage</dt>
            <dd className="big">
              <Pct value={latestCoverage?.coveragePct ?? null} />
              {latestCoverage?.onGroupTotals && <div className="sub">{latestCoverage.label}</div>}
              {earlierCoverage && (
                <div className="sub" data-testid="earlier-coverage">
                  not computable from this report ({latestCoverage?.coveragePct.reason}); latest computable:{" "}
                  <Pct value={earlierCoverage.coveragePct} /> as of {earlierCoverage.asOf}
                  {earlierCoverage.onGroupTotals && ", on group totals"}
                </div>
              )}
            </dd>
            <dt>Total reserves</dt>
            <dd>
              <Usd figure={latest.totalReserves} />
            </dd>
            <dt>Tokens outstanding</dt>
            <dd>
              <Usd figure={latest.tokensOutstanding} />
            </dd>
            <dt>Report</dt>
            <dd>
              {REPORT_TYPE_LABELS[latest.reportType]},{" "}
              {latest.assurance === "unknown" ? "assurance not stated" : ASSURANCE_LABELS[latest.assurance].toLowerCase()}
              {latest.firm && <>, {latest.firm}</>}
            </dd>
            <dt>Scope</dt>
            <dd>{SCOPE_LABELS[latest.scope]}</dd>
            <dt>Source</dt>
            <dd>
              <SourceLink attestation={latest} />
            </dd>
          </dl>
        ) : (
          <p>No published report yet.</p>
        )}
      </section>
      <section className="card" aria-labelledby="cadence-h">
        <h2 id="cadence-h">Reporting cadence</h2>
        <p className={`status status-${o.status}`} data-testid="cadence-status">
          <strong>
            {STATUS_TEXT[o.status]}
            {o.status === "overdue" && o.daysOverdue !== null && ` by ${o.daysOverdue} days`}
          </strong>
          {o.status === "overdue" && <span className="sub"> (no later report in our records)</span>}
        </p>
        <p className="sub">{o.explanation}</p>
        <dl className="kv">
          <dt>Reports found</dt>
          <dd>
            {cadence.reportsFound}
            {cadence.expectedReports !== null && <> of {cadence.expectedReports} expected since {cadence.from}</>}
          </dd>
          <dt>Median publication lag</dt>
          <dd>{cadence.medianLagDays !== null ? `${cadence.medianLagDays} days` : "unknown"}</dd>
          <dt>Longest lag</dt>
          <dd>{cadence.worstLagDays !== null ? `${cadence.worstLagDays} days` : "unknown"}</dd>
          <dt>Longest gap between reports</dt>
          <dd>{cadence.longestGap ? `${cadence.longestGap.days} days (${cadence.longestGap.from} to ${cadence.longestGap.to})` : "n/a"}</dd>
          <dt>Days since last as-of date</dt>
          <dd>{cadence.daysSinceLastAsOf ?? "n/a"}</dd>
        </dl>
        <p className="sub">
          Judged on {model.today} from the issuer&apos;s own past lags. <a href="/methodology#overdue">How this is computed</a>
        </p>
      </section>
    </div>
  );
}
