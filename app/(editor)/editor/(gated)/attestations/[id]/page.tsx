import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { formatAsOf } from "@/lib/domain/dates";
import { asOfParts } from "@/lib/domain/schemas/attestation";
import { suggestionPrefill } from "@/lib/domain/suggestion-prefill";
import { editorPageUser } from "@/lib/server/editor-page";
import { editorAttestation } from "@/lib/server/queries/editor/attestations";
import { suggestionForReport } from "@/lib/server/queries/suggestions";
import { AttestationForm } from "@/components/editor/attestation/attestation-form";
import { StateBadge } from "@/components/editor/report-list";
import { RetractForm } from "@/components/editor/retract-form";

import { retractAction } from "./actions";

export const metadata: Metadata = { title: "Report" };

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The outcome a publish or correction names in the URL when the page renders again after it. */
const SAVED_NOTICES: Record<string, string> = { publish: "Published.", correct: "Correction saved as a new revision." };

export default async function AttestationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const user = await editorPageUser();
  const { id } = await params;
  const a = await editorAttestation(id);
  if (!a) notFound();
  const search = await searchParams;
  const sid = search.suggestion;
  const savedNotice = typeof search.saved === "string" && Object.hasOwn(SAVED_NOTICES, search.saved) ? SAVED_NOTICES[search.saved] : null;
  const suggestion = typeof sid === "string" ? await suggestionForReport(sid, a.id) : null;
  // The reader's amount, when the suggestion holds one clear figure, goes into the form (unsaved until the editor corrects).
  const prefill = suggestion ? suggestionPrefill(suggestion.field, suggestion.proposedValue) : null;
  const { asOf, asOfPrecision } = asOfParts(a.input.asOf);
  return (
    <>
      <p className="crumbs">
        <Link href={`/editor/issuers/${a.issuerSlug}/attestations`}>{a.issuerName}: reports</Link>
      </p>
      <h1>
        {a.issuerName}, report as of {formatAsOf(asOf, asOfPrecision)} <StateBadge state={a.state} revision={a.revision} />
      </h1>
      <p className="sub">
        {a.state === "draft" ? "A draft: not on public pages." : <Link href={`/issuers/${a.issuerSlug}`}>Public page</Link>} ·{" "}
        <Link href={`/editor/audit?entityType=attestation&entityId=${a.id}`}>History in the audit log</Link>
      </p>
      {a.state === "retracted" && (
        <p className="form-message error" data-testid="retracted-reason">
          Retracted: {a.retractedReason}
        </p>
      )}
      {suggestion && (
        <p className="form-message info" data-testid="from-suggestion">
          Correcting from reader suggestion {suggestion.id}: {suggestion.figure} should read “{suggestion.proposedValue}”
          {prefill
            ? ` (prefilled below: ${prefill.field === "totalReserves" ? "total reserves" : "tokens outstanding"} ${prefill.figure.value}, ${prefill.figure.precision}; check it before saving)`
            : ""}{" "}
          (source:{" "}
          <a href={suggestion.sourceUrl} rel="noopener noreferrer nofollow">
            {suggestion.sourceUrl}
          </a>
          ).
        </p>
      )}
      {/* Remounts with fresh values after each save that changes the version. */}
      <AttestationForm
        key={a.version}
        id={a.id}
        version={a.version}
        reportState={a.state}
        initial={a.input}
        initialReason={suggestion ? `Reader correction (suggestion ${suggestion.id}): ${suggestion.figure}`.slice(0, 1000) : undefined}
        prefill={prefill ? { [prefill.field]: prefill.figure } : undefined}
        savedNotice={savedNotice}
      />

      {a.revisions.length > 0 && (
        <section aria-labelledby="revisions-h">
          <h2 id="revisions-h">Earlier revisions</h2>
          <ul>
            {a.revisions.map((r) => (
              <li key={r.revision}>
                Revision {r.revision} replaced on {r.at.slice(0, 10)} by {r.by}: {r.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {a.state === "published" && user.role === "admin" && (
        <section aria-labelledby="retract-h">
          <h2 id="retract-h">Retract</h2>
          <p className="sub">The report stays listed, marked as retracted, with your reason. Admins only.</p>
          <RetractForm id={a.id} version={a.version} action={retractAction} />
        </section>
      )}
    </>
  );
}
