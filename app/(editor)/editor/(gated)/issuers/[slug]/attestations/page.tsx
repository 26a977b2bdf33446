import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { editorPageUser } from "@/lib/server/editor-page";
import { editorIssuerReports } from "@/lib/server/queries/editor/issuers";
import { ReportList } from "@/components/editor/report-list";

export const metadata: Metadata = { title: "Reports" };

export default async function IssuerReportsPage({ params }: { params: Promise<{ slug: string }> }) {
  await editorPageUser();
  const { slug } = await params;
  const data = await editorIssuerReports(slug);
  if (!data) notFound();
  return (
    <>
      <p className="crumbs">
        <Link href={`/editor/issuers/${slug}`}>{data.issuer.name}</Link>
      </p>
      <h1>Reports of {data.issuer.name}</h1>
      <p>
        <Link className="btn primary" href={`/editor/issuers/${slug}/attestations/new`}>
          New report
        </Link>{" "}
        <Link href={`/issuers/${slug}`}>Public page</Link>
      </p>
      <ReportList reports={data.reports} showIssuer={false} empty="No reports recorded yet." />
    </>
  );
}
