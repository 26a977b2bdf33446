import type { Metadata } from "next";
import Link from "next/link";

import { SUGGESTION_FIELD_LABELS, type SuggestionFieldName } from "@/lib/domain/schemas/suggestion";
import { editorPageUser } from "@/lib/server/editor-page";
import { suggestionQueue, type ReportValues } from "@/lib/server/queries/suggestions";
import { SuggestionDecision } from "@/components/editor/suggestion-decision";

import { acceptSuggestionAction, declineSuggestionAction } from "./actions";

export const metadata: Metadata = { title: "Reader suggestions" };

type Fig = ReportValues["totalReserves"];
const fig = (f: Fig) => (f ? `${f.value} (${f.precision.replace("_", " ")})` : "not reported");
const lines = (v: ReportValues) =>
  v.composition.map((l) => `${l.category}${l.amountUsd ? ` ${l.amountUsd.value}` : ""}${l.sharePct ? ` ${l.sharePct}%` : ""}`).join("; ") ||
  "none";

function Values({ v }: { v: ReportValues | null }) {
  if (!v) return <span className="sub">no report</span>;
  return (
    <ul className="plain">
      <li>
        As of {v.asOf}
        {v.revision ? `, revision ${v.revision}` : ""}
        {v.state && v.state !== "published" ? ` (${v.state})` : ""}
      </li>
      <li>Reserves: {fig(v.totalReserves)}</li>
      <li>Tokens: {fig(v.tokensOutstanding)}</li>
      <li>Composition: {lines(v)}</li>
    </ul>
  );
}

export default async function SuggestionsPage() {
  await editorPageUser();
  const queue = await suggestionQueue();
  const pending = queue.filter((s) => s.status === "pending").length;
  return (
    <>
      <h1>Reader suggestions</h1>
      <p className="lede">
        Corrections readers suggested, pending first ({pending} pending). Each shows the values the reader saw beside the current ones.
        Contacts are for editors only.
      </p>
      {queue.length === 0 && <p>No suggestions yet.</p>}
      {queue.map((s) => (
        <section key={s.id} className="card" data-testid="suggestion" aria-labelledby={`sg-${s.id}`}>
          <h2 id={`sg-${s.id}`}>
            {s.issuerName}: {SUGGESTION_FIELD_LABELS[s.field as SuggestionFieldName] ?? s.field}{" "}
            <span className="badge" data-testid="suggestion-state">
              {s.status}
            </span>
          </h2>
          <p className="sub">
            Suggestion {s.id}, sent {s.createdAt.slice(0, 16).replace("T", " ")} UTC
            {s.decidedAt && ` · ${s.status} ${s.decidedAt.slice(0, 10)} by ${s.decidedBy ?? "a former editor"}`}
            {s.declineReason && `: ${s.declineReason}`}
          </p>
          <dl className="kv">
            <dt>Figure</dt>
            <dd>{s.figure}</dd>
            <dt>Proposed value</dt>
            <dd data-testid="suggestion-proposed">{s.proposedValue}</dd>
            <dt>Source</dt>
            <dd>
              <a href={s.sourceUrl} rel="noopener noreferrer nofollow">
                {s.sourceUrl}
              </a>
            </dd>
            {s.contact && (
              <>
                <dt>Contact (never public)</dt>
                <dd>{s.contact}</dd>
              </>
            )}
          </dl>
          <div className="cards">
            <div data-testid="suggestion-snapshot">
              <h3>Shown to the reader</h3>
              <Values v={s.shown} />
            </div>
            <div data-testid="suggestion-current">
              <h3>Current values</h3>
              <Values v={s.current} />
            </div>
          </div>
          {s.attestationId && (
            <p>
              <Link href={`/editor/attestations/${s.attestationId}${s.status === "accepted" ? `?suggestion=${s.id}` : ""}`}>
                Open the report
              </Link>
            </p>
          )}
          {s.status === "pending" && <SuggestionDecision id={s.id} accept={acceptSuggestionAction} decline={declineSuggestionAction} />}
        </section>
      ))}
    </>
  );
}
