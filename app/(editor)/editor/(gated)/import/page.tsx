import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/editor/import-form";

export const metadata: Metadata = { title: "Bulk import" };

export default function ImportPage() {
  return (
    <>
      <h1>Bulk import of reports</h1>
      <p className="lede">
        Upload <code>reports.csv</code> (and, optionally, <code>composition.csv</code>) in the format of the CSV downloads
        (see <Link href="/data">the data page</Link> for every column). First a dry run lists every problem by file, line and
        column; then the import writes all rows or none. Issuers must exist; a report that already exists is refused
        (correct it in the editor instead).
      </p>
      <ImportForm />
    </>
  );
}
