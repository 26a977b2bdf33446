import type { Metadata } from "next";
import Link from "next/link";

import { openStressDrafts } from "@/lib/server/commands/stress-drafts";
import { editorPageUser } from "@/lib/server/editor-page";
import { StressDraftDismiss } from "@/components/editor/live/stress-draft-dismiss";

export const metadata: Metadata = { title: "Stress drafts" };

/** Draft stress events the depeg detector opened from daily prices: nothing here is public until an editor records it. */
export default async function StressDraftsPage() {
  await editorPageUser();
  const drafts = await openStressDrafts();
  return (
    <>
      <h1>Draft stress events</h1>
      <p className="lede">
        Opened when a token&apos;s daily price stayed outside the band around one dollar. None is public: record one as a stress event (the
        form opens prefilled, and nothing is published until you save it), or dismiss it. Recorded events are listed on each issuer&apos;s
        stress page.
      </p>
      <section aria-labelledby="drafts-h">
        <h2 id="drafts-h">Open drafts ({drafts.length})</h2>
        {drafts.length === 0 ? (
          <p className="sub">No open drafts.</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="stress-drafts">
              <thead>
                <tr>
                  <th scope="col">Issuer</th>
                  <th scope="col">Token</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Lowest price (USD)</th>
                  <th scope="col">Price points</th>
                  <th scope="col">Price source</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {drafts.map((d) => (
                  <tr key={d.id} data-testid="stress-draft">
                    <td>
                      <Link href={`/editor/issuers/${d.issuerSlug}/stress`}>{d.issuerName}</Link>
                    </td>
                    <td>{d.token}</td>
                    <td>{d.startDate}</td>
                    <td>{d.endDate ?? "ongoing"}</td>
                    <td>
                      {d.lowestPrice} <span className="sub">({d.maxDeviationBp} bp)</span>
                    </td>
                    <td>{d.pointCount}</td>
                    <td>{d.sources.join(", ") || "—"}</td>
                    <td>
                      <Link className="btn primary" href={`/editor/stress/drafts/${d.id}`}>
                        Record as stress event
                      </Link>{" "}
                      <StressDraftDismiss id={d.id} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
