import Link from "next/link";
import type { ChangelogItem } from "@/lib/server/queries/changelog";

const KIND_TEXT: Record<ChangelogItem["kind"], string> = {
  published: "Published",
  corrected: "Corrected",
  retracted: "Retracted",
  stress_recorded: "Stress event recorded",
  stress_updated: "Stress event updated",
};

/** Changes as they reached the public pages, newest first, each with its date, reason and editor. */
export function ChangelogList({ items, showIssuer }: { items: ChangelogItem[]; showIssuer: boolean }) {
  if (items.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <ol className="changelog" data-testid="changelog">
      {items.map((c) => (
        <li key={c.id} data-kind={c.kind}>
          <time dateTime={c.at}>{c.at.slice(0, 10)}</time> <span className={`badge change-${c.kind}`}>{KIND_TEXT[c.kind]}</span>{" "}
          {showIssuer && (
            <>
              <Link href={`/issuers/${c.issuerSlug}`}>{c.issuerName}</Link>
              {c.isDemo && <span className="badge demo">demo</span>}:{" "}
            </>
          )}
          {c.subject}
          {c.reason && <div className="sub">Reason: {c.reason}</div>}
          <div className="sub">By {c.by}</div>
        </li>
      ))}
    </ol>
  );
}
