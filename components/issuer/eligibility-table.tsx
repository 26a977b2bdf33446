import type { IssuerPageModel } from "@/lib/server/queries/issuer-page";
import { ELIGIBILITY_DISCLAIMER } from "@/lib/domain/metrics/eligibility";
import { Pct } from "@/components/ui/measured";

/** Share of the latest composition that each framework's reserve rule would accept, by our mapping. */
export function EligibilityTable({ model }: { model: IssuerPageModel }) {
  if (!model.compositionReport) return <p>No composition captured, so eligibility is not assessed.</p>;
  return (
    <>
      <div className="table-scroll">
        <table>
          <caption className="skip">Eligible share of reserves per framework (our mapping)</caption>
          <thead>
            <tr>
              <th scope="col">Framework</th>
              <th scope="col" className="num">Eligible share (our mapping)</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {model.eligibility.map(({ frameworkId, name, url, citation, result }) => (
              <tr key={frameworkId}>
                <th scope="row">
                  <a href={url} rel="noopener noreferrer nofollow" title={citation}>
                    {name}
                  </a>
                </th>
                <td className="num">{result.status === "assessed" ? <Pct value={result.share} /> : <span>not assessed</span>}</td>
                <td className="sub">
                  {result.reason}
                  {result.depositFloor && (
                    <>
                      {" "}
                      Deposit floor ({result.depositFloor.requiredPct} %): {result.depositFloor.status.replace("_", " ")}.
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="sub">
        {ELIGIBILITY_DISCLAIMER} Report as of {model.compositionReport.asOf}. <a href="/methodology#eligibility">How the mapping works</a>
      </p>
    </>
  );
}
