import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { editorPageUser } from "@/lib/server/editor-page";
import { editorIssuer } from "@/lib/server/queries/editor/issuers";
import { StressEventForm } from "@/components/editor/stress/stress-event-form";
import { blankStressInput } from "@/components/editor/stress/stress-state";

export const metadata: Metadata = { title: "New stress event" };

export default async function NewStressEventPage({ params }: { params: Promise<{ slug: string }> }) {
  await editorPageUser();
  const { slug } = await params;
  const issuer = await editorIssuer(slug);
  if (!issuer) notFound();
  return (
    <>
      <h1>New stress event for {issuer.name}</h1>
      <StressEventForm id={null} version={null} initial={blankStressInput(slug)} />
    </>
  );
}
