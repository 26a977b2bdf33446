import Link from "next/link";
import { listIssuerSummaries } from "@/lib/server/queries/home";
import { BACKING_MODEL_LABELS, ISSUER_STATUS_LABELS } from "@/lib/domain/taxonomy";
import { formatAsOf } from "@/lib/domain/dates";

export default async function HomePage() {
  const rows = await listIssuerSummaries();
  return (
    <>
      <h1>How dollar stablecoins are backed</h1>
      <p className="lede">
        Every issuer we track, with its latest published reserve report. Each figure links to the report it was read
        from.
      </p>
      <div className="table-scroll">
        <table>
          <caption className="skip">Issuers and their latest reserve reports</caption>
          <thead>
            <tr>
              <th scope="col">Issuer</th>
              <th scope="col">Backing model</th>
              <th scope="col">Status</th>
              <th scope="col">Last report (as of)</th>
              <th scope="col" className="num">Reports</th>
              <th scope="col" className="num">Stress events</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ issuer, latest, reportCount, stressEventCount }) => (
              <tr key={issuer.slug} data-testid="issuer-row">
                <th scope="row">
                  <Link href={`/issuers/${issuer.slug}`}>{issuer.name}</Link>{" "}
                  {issuer.isDemo && <span className="badge demo">demo</span>}
                  <div className="sub">{issuer.tokenSymbols.join(", ")}</div>
                </th>
                <td>{BACKING_MODEL_LABELS[issuer.backingModel]}</td>
                <td>{ISSUER_STATUS_LABELS[issuer.status]}</td>
                <td>
                  {latest ? (
                    <a href={latest.reportUrl ?? latest.sourceUrl ?? undefined}>{formatAsOf(latest.asOf, latest.asOfPrecision)}</a>
                  ) : (
                    "none"
                  )}
                </td>
                <td className="num">{reportCount}</td>
                <td className="num">{stressEventCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
