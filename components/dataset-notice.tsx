import { datasetNotice } from "@/lib/server/queries/home";

/** Shown on every page while fictional demo issuers are loaded. */
export async function DatasetNotice() {
  const { demo } = await datasetNotice();
  if (!demo) return null;
  return (
    <div className="notice" role="note" data-testid="demo-notice">
      <div className="wrap">
        <strong>Demo data</strong>: the issuers marked “demo” are fictional and their figures are invented, to show how
        the dashboard works. They describe no real token.
      </div>
    </div>
  );
}
