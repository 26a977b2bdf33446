import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { stressDraftForRecording } from "@/lib/server/commands/stress-drafts";
import { editorPageUser } from "@/lib/server/editor-page";
import { StressEventForm } from "@/components/editor/stress/stress-event-form";

export const metadata: Metadata = { title: "Record a draft stress event" };

/** The ordinary stress-event form, prefilled from an open draft; saving it records the event and marks the draft published. */
export default async function RecordStressDraftPage({ params }: { params: Promise<{ id: string }> }) {
  await editorPageUser();
  const { id } = await params;
  const found = await stressDraftForRecording(id);
  if (!found) notFound();
  const { draft, prefill } = found;
  return (
    <>
      <p className="crumbs">
        <Link href="/editor/stress">Draft stress events</Link>
      </p>
      <h1>New stress event for {draft.issuerName}</h1>
      <p className="lede">
        Prefilled from the {draft.token} prices between {draft.startDate} and {draft.endDate ?? "the latest price"} ({draft.pointCount}{" "}
        daily points). Check every field and add a source URL where the price source has none; nothing is published until you save.
      </p>
      <StressEventForm id={null} version={null} initial={prefill} createUrl={`/api/editor/stress-drafts/${draft.id}/record`} />
    </>
  );
}
