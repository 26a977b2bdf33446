import type { Metadata } from "next";
import Link from "next/link";

import { ImportForm } from "@/components/editor/import-form";

export const metadata: Metadata = { title: "Bulk import" };

export default function ImportPage() {
  return (
    <>
      <h1>Bulk import of reports</h1>
      <p className="lede">
        Upload <code>reports.csv</code> (and, optionally, <code>composition.csv</code>) in the format of the CSV downloads (see{" "}
        <Link href="/data">the data page</Link> for every column). First a dry run lists every problem by file, line and column; then the
        import writes all rows or none. Issuers must exist; a report that already exists is refused (correct it in the editor instead).
      </p>
      <ImportForm />
      <h2>Daily prices</h2>
      <p>
        A <code>prices.csv</code> with the columns <code>date</code> (YYYY-MM-DD), <code>issuer</code> (slug), <code>token</code> (symbol),{" "}
        <code>price_usd</code> (a decimal, as the source gives it) and <code>source</code>. Every row is checked and a bad one is named by
        line and column; all rows are stored or none. Prices feed each issuer&apos;s peg history; a price outside ±0.5% of a dollar on
        consecutive days opens one draft stress event for editors, never a published one.
      </p>
      <form method="post" action="/api/editor/prices" encType="multipart/form-data" data-testid="price-import">
        <label>
          prices.csv <input type="file" name="prices" accept=".csv,text/csv" required />
        </label>{" "}
        <button type="submit">Import prices</button>
      </form>
    </>
  );
}
