import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { listAllAttestations } from "@/lib/server/queries/lists";
import { formatAsOf } from "@/lib/domain/dates";
import { Usd } from "@/components/ui/money";
import { CoverageAndSourceCells, PublishedCells } from "@/components/issuer/report-cells";

export const metadata: Metadata = {
  title: "Every reserve report",
  description: "Every reserve report of every issuer we track, newest first, with its publication lag, firm and source.",
};

export default async function AttestationsPage() {
  const { items, total } = await listAllAttestations();
  return (
    <>
      <h1>Every reserve report</h1>
      <p className="lede">
        {items.length < total ? `The ${items.length} most recent of ${total} reports` : `${total} reports`} from every issuer we
        track, newest as-of date first{items.length < total ? "; every report is in the CSV download below and on each issuer's page" : ""}. The lag is the number of days from
        the date the figures refer to until the report was published.{" "}
        <a download href="/data/reports.csv" data-testid="download-csv">
          Download CSV
        </a>{" "}
        (with composition: <a download href="/data/composition.csv">one row per line</a>,{" "}
        <a download href="/data/composition-wide.csv">one column per category</a>).
      </p>
      <div className="table-scroll">
        <table>
          <caption className="skip">Every reserve report, newest first</caption>
          <thead>
            <tr>
              <th scope="col">As of</th>
              <th scope="col">Issuer</th>
              <th scope="col">Published</th>
              <th scope="col" className="num">Lag (days)</th>
              <th scope="col">Type and firm</th>
              <th scope="col" className="num">Reserves</th>
              <th scope="col" className="num">Coverage</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ attestation: a, issuerName, isDemo, coverage, lag, revised }) => (
              <tr key={a.id} className={a.state === "retracted" ? "retracted" : undefined}>
                <th scope="row">
                  {formatAsOf(a.asOf, a.asOfPrecision)}
                  {a.state === "retracted" && (
                    <div>
                      <span className="badge bad">retracted</span>
                    </div>
                  )}
                  {revised && (
                    <div>
                      <span className="badge">revised</span>
                    </div>
                  )}
                </th>
                <td>
                  <Link href={`/issuers/${a.issuerSlug}`}>{issuerName}</Link> {isDemo && <span className="badge demo">demo</span>}
                </td>
                <PublishedCells attestation={a} lag={lag} />
                <td className="num">
                  <Usd figure={a.totalReserves} />
                </td>
                <CoverageAndSourceCells attestation={a} coverage={coverage} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
