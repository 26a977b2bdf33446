import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { SUGGESTION_FIELD_LABELS, type SuggestionFieldName } from "@/lib/domain/schemas/suggestion";
import { suggestionByFollowToken } from "@/lib/server/queries/suggestions";

// The reader's private link to a suggestion's outcome. Per request, never
// cached or indexed, no referrer leaves it, no session is read, and the
// contact is never loaded (see suggestionByFollowToken).
export const metadata: Metadata = { title: "Your suggested correction", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function FollowView({ params, searchParams }: Props) {
  await connection();
  const { token } = await params;
  const fresh = (await searchParams).new === "1";
  const s = await suggestionByFollowToken(token);
  if (!s) notFound();
  return (
    <article className="suggestion-status">
      <h1>Your suggested correction for {s.issuerName}</h1>
      {fresh && (
        <div className="form-message success" data-testid="suggestion-received">
          <p>Thank you: your suggestion was received. An editor will review it.</p>
          <p>
            Keep this link to follow the outcome; it is shown only now and is the only way back here:{" "}
            <a href={`/corrections/${token}`} data-testid="follow-link">
              /corrections/{token}
            </a>
          </p>
        </div>
      )}
      <p>
        Status: <strong data-testid="suggestion-status">{s.statusText}</strong>
        {s.decidedAt && <span className="sub"> (decided {s.decidedAt.slice(0, 10)})</span>}
      </p>
      <dl>
        <dt>Which figure</dt>
        <dd>
          {SUGGESTION_FIELD_LABELS[s.field as SuggestionFieldName] ?? s.field}: {s.figure}
        </dd>
        <dt>Proposed value</dt>
        <dd data-testid="suggestion-proposed">{s.proposedValue}</dd>
        <dt>Source</dt>
        <dd>
          <a href={s.sourceUrl} rel="noopener noreferrer nofollow">
            {s.sourceUrl}
          </a>
        </dd>
        <dt>Sent</dt>
        <dd>{s.createdAt.slice(0, 16).replace("T", " ")} UTC</dd>
      </dl>
      <p>
        <a href={`/issuers/${s.issuerSlug}`}>Back to {s.issuerName}</a>
      </p>
    </article>
  );
}

export default function FollowPage(props: Props) {
  return (
    <Suspense fallback={<p>Loading…</p>}>
      <FollowView {...props} />
    </Suspense>
  );
}
