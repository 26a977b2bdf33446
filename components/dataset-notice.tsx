import Link from "next/link";
import { datasetNotice } from "@/lib/server/queries/home";

/** On every page: what kind of data is loaded and how far to trust it. */
export async function DatasetNotice() {
  const { demo, real } = await datasetNotice();
  if (!demo && !real) return null;
  return (
    <div className="notice" role="note" data-testid="dataset-notice">
      <div className="wrap">
        {demo && (
          <p data-testid="demo-notice">
            <strong>Demo data</strong>: the issuers marked “demo” are fictional and their figures are invented, to show
            how the dashboard works. They describe no real token.
          </p>
        )}
        {real && (
          <p data-testid="sources-notice">
            Figures for real issuers are compiled from public sources (issuers&apos; pages, accountants&apos; reports,
            regulators and press accounts); each shows what kind of page it was read from.{" "}
            <Link href="/sources">Where the figures come from</Link>
          </p>
        )}
      </div>
    </div>
  );
}
