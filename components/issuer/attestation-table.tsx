import type { AttestationRow } from "@/lib/server/queries/issuer-page";
import { formatAsOf } from "@/lib/domain/dates";
import { formatUsdCompact } from "@/lib/domain/precision";
import { Usd } from "@/components/ui/money";
import { CoverageAndSourceCells, PublishedCells } from "./report-cells";
import { Markdown } from "@/components/ui/markdown";

/** Every report we hold for the issuer, newest first, with its lag and history. */
export function AttestationTable({ rows, slug }: { rows: AttestationRow[]; slug?: string }) {
  if (rows.length === 0) return <p>No reports recorded yet.</p>;
  return (
    <div className="table-scroll">
      <table className="attestations">
        <caption className="skip">Every reserve report, newest first</caption>
        <thead>
          <tr>
            <th scope="col">As of</th>
            <th scope="col">Published</th>
            <th scope="col" className="num">Lag (days)</th>
            <th scope="col">Type and firm</th>
            <th scope="col" className="num">Reserves</th>
            <th scope="col" className="num">Tokens</th>
            <th scope="col" className="num">Coverage</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ attestation: a, coverage, lag }) => (
            <tr key={a.id} className={a.state === "retracted" ? "retracted" : undefined} data-testid="attestation-row">
              <th scope="row">
                {formatAsOf(a.asOf, a.asOfPrecision)}
                {a.asOfPrecision === "month" && <div className="sub">month only</div>}
                {a.notes && (
                  <div className="sub note">
                    <Markdown source={a.notes} />
                  </div>
                )}
                {a.state === "retracted" && (
                  <div>
                    <span className="badge bad">retracted</span> <span className="sub">{a.retractedReason}</span>
                  </div>
                )}
                {slug && a.state !== "retracted" && (
                  <div className="sub">
                    <a href={`/issuers/${slug}/suggest?report=${a.id}`} rel="nofollow" data-testid="suggest-correction">
                      Suggest a correction
                    </a>
                  </div>
                )}
                {a.revisions.length > 0 && (
                  <details className="revisions">
                    <summary>
                      <span className="badge">revised</span> on {a.revisions.at(-1)!.correctedAt.slice(0, 10)}
                    </summary>
                    <ul className="plain">
                      {a.revisions.map((r) => (
                        <li key={r.revision}>
                          Revision {r.revision} read: reserves{" "}
                          {r.previous.totalReserves ? formatUsdCompact(r.previous.totalReserves.value, r.previous.totalReserves.precision as "exact") : "not reported"}
                          , tokens{" "}
                          {r.previous.tokensOutstanding
                            ? formatUsdCompact(r.previous.tokensOutstanding.value, r.previous.tokensOutstanding.precision as "exact")
                            : "not reported"}
                          , published {r.previous.publishedOn ?? "date unknown"}. Corrected on {r.correctedAt.slice(0, 10)}: {r.reason}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </th>
              <PublishedCells attestation={a} lag={lag} />
              <td className="num">
                <Usd figure={a.totalReserves} />
              </td>
              <td className="num">
                <Usd figure={a.tokensOutstanding} />
              </td>
              <CoverageAndSourceCells attestation={a} coverage={coverage} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
