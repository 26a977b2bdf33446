import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { STRESS_KIND_LABELS } from "@/lib/domain/taxonomy";
import { editorPageUser } from "@/lib/server/editor-page";
import { editorStressEvents } from "@/lib/server/queries/editor/stress-events";

export const metadata: Metadata = { title: "Stress events" };

export default async function IssuerStressPage({ params }: { params: Promise<{ slug: string }> }) {
  await editorPageUser();
  const { slug } = await params;
  const data = await editorStressEvents(slug);
  if (!data) notFound();
  return (
    <>
      <p className="crumbs">
        <Link href={`/editor/issuers/${slug}`}>{data.issuer.name}</Link>
      </p>
      <h1>Stress events of {data.issuer.name}</h1>
      <p>
        <Link className="btn primary" href={`/editor/issuers/${slug}/stress/new`}>
          Record a stress event
        </Link>
      </p>
      {data.events.length === 0 ? (
        <p className="sub">None recorded.</p>
      ) : (
        <ul className="plain">
          {data.events.map((e) => (
            <li key={e.id}>
              <Link href={`/editor/stress/${e.id}`}>
                {e.startDate ?? "date unknown"}: {STRESS_KIND_LABELS[e.kind]}
              </Link>{" "}
              <span className="sub">{e.summary.slice(0, 140)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
