import type { Metadata } from "next";
import Link from "next/link";

import { editorPageUser } from "@/lib/server/editor-page";
import { editorDashboard } from "@/lib/server/queries/editor/dashboard";
import { ReportList } from "@/components/editor/report-list";

export const metadata: Metadata = { title: "Dashboard" };

export default async function EditorDashboard() {
  const user = await editorPageUser();
  const { drafts, recentlyPublished } = await editorDashboard();
  return (
    <>
      <h1>Editor dashboard</h1>
      <p className="lede">
        Signed in as {user.displayName}. Enter a new report from its issuer&apos;s page:{" "}
        <Link href="/editor/issuers">choose an issuer</Link>.
      </p>
      <section aria-labelledby="drafts-h">
        <h2 id="drafts-h">Drafts ({drafts.length})</h2>
        <ReportList reports={drafts} empty="No drafts: every report entered so far is published." />
      </section>
      <section aria-labelledby="recent-h">
        <h2 id="recent-h">Recently published, corrected or retracted</h2>
        <ReportList reports={recentlyPublished} empty="Nothing published yet." />
      </section>
    </>
  );
}
