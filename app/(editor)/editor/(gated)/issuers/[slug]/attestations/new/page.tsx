import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { editorPageUser } from "@/lib/server/editor-page";
import { editorIssuer } from "@/lib/server/queries/editor/issuers";
import { AttestationForm } from "@/components/editor/attestation/attestation-form";
import { blankAttestationInput } from "@/components/editor/attestation/state";

export const metadata: Metadata = { title: "New report" };

export default async function NewAttestationPage({ params }: { params: Promise<{ slug: string }> }) {
  await editorPageUser();
  const { slug } = await params;
  const issuer = await editorIssuer(slug);
  if (!issuer) notFound();
  return (
    <>
      <p className="crumbs">
        <Link href={`/editor/issuers/${slug}/attestations`}>{issuer.name}: reports</Link>
      </p>
      <h1>New report for {issuer.name}</h1>
      <p className="lede">It is saved as a draft first; drafts never appear on public pages.</p>
      <AttestationForm id={null} version={null} reportState={null} initial={blankAttestationInput(slug)} />
    </>
  );
}
