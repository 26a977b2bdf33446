import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { editorPageUser } from "@/lib/server/editor-page";
import { editorIssuer } from "@/lib/server/queries/editor/issuers";
import { IssuerForm } from "@/components/editor/issuer/issuer-form";
import { ReviewForm } from "@/components/editor/issuer/review-form";

import { markReviewedAction } from "./actions";

export const metadata: Metadata = { title: "Issuer" };

export default async function EditIssuerPage({ params }: { params: Promise<{ slug: string }> }) {
  await editorPageUser();
  const { slug } = await params;
  const issuer = await editorIssuer(slug);
  if (!issuer) notFound();
  return (
    <>
      <h1>{issuer.name}</h1>
      <p>
        <Link href={`/editor/issuers/${slug}/attestations`}>Reports</Link> ·{" "}
        <Link href={`/editor/issuers/${slug}/stress`}>Stress events</Link> · <Link href={`/editor/issuers/${slug}/live`}>Live sources</Link>{" "}
        · {/* A plain link: no prefetch of the public page while the editor writes (see app/(editor)/layout.tsx). */}
        <a href={`/en/issuers/${slug}`}>Public page</a> ·{" "}
        <Link href={`/editor/audit?entityType=issuer&entityId=${issuer.id}`}>History</Link>
      </p>
      <section aria-labelledby="review-h" className="panel">
        <h2 id="review-h">Review</h2>
        <ReviewForm
          slug={slug}
          markReviewed={markReviewedAction}
          last={
            issuer.reviews[0] ? { at: issuer.reviews[0].at.toISOString(), by: issuer.reviews[0].by, note: issuer.reviews[0].note } : null
          }
        />
      </section>
      <IssuerForm key={issuer.version} id={issuer.id} version={issuer.version} initial={issuer.input} />
    </>
  );
}
