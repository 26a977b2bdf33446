import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { editorPageUser } from "@/lib/server/editor-page";
import { editorStressEvent } from "@/lib/server/queries/editor/stress-events";
import { StressEventForm } from "@/components/editor/stress/stress-event-form";

export const metadata: Metadata = { title: "Stress event" };

export default async function EditStressEventPage({ params }: { params: Promise<{ id: string }> }) {
  await editorPageUser();
  const { id } = await params;
  const event = await editorStressEvent(id);
  if (!event) notFound();
  return (
    <>
      <p className="crumbs">
        <Link href={`/editor/issuers/${event.issuerSlug}/stress`}>{event.issuerName}: stress events</Link>
      </p>
      <h1>Stress event of {event.issuerName}</h1>
      <p className="sub">
        <Link href={`/editor/audit?entityType=stress_event&entityId=${event.id}`}>History in the audit log</Link>
      </p>
      <StressEventForm key={event.version} id={event.id} version={event.version} initial={event.input} />
    </>
  );
}
