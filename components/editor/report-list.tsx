import Link from "next/link";

import { REPORT_TYPE_LABELS, type ReportType } from "@/lib/domain/taxonomy";
import type { ReportListItem } from "@/lib/domain/views/editor";

export function StateBadge({ state, revision }: { state: ReportListItem["state"]; revision?: number }) {
  return (
    <span className={`badge state-${state}`}>
      {state}
      {revision && revision > 1 ? ` · revision ${revision}` : ""}
    </span>
  );
}

export function ReportList({ reports, showIssuer = true, empty }: { reports: ReportListItem[]; showIssuer?: boolean; empty: string }) {
  if (reports.length === 0) return <p className="sub">{empty}</p>;
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            {showIssuer && <th scope="col">Issuer</th>}
            <th scope="col">As of</th>
            <th scope="col">Type</th>
            <th scope="col">State</th>
            <th scope="col">Last change</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id} data-testid="editor-report-row">
              {showIssuer && <td>{r.issuerName}</td>}
              <th scope="row">
                <Link href={`/editor/attestations/${r.id}`}>{r.asOf}</Link>
              </th>
              <td>{REPORT_TYPE_LABELS[r.reportType as ReportType] ?? r.reportType}</td>
              <td>
                <StateBadge state={r.state} revision={r.revision} />
              </td>
              <td className="sub">{r.updatedAt.slice(0, 16).replace("T", " ")} UTC</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
