import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { formatAsOf } from "@/lib/domain/dates";
import { SUGGESTION_FIELD_LABELS, SUGGESTION_FIELDS } from "@/lib/domain/schemas/suggestion";
import { db } from "@/lib/server/db";
import { issueFormStamp } from "@/lib/server/suggestions/tokens";

// Rendered per request (each form carries a fresh signed stamp), never cached,
// and it reads no session: readers need no account.
export const metadata: Metadata = { title: "Suggest a correction", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function SuggestForm({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const report = (await searchParams).report;
  const reportId = typeof report === "string" ? report : "";
  const issuer = await db().issuer.findUnique({
    where: { slug },
    select: {
      name: true,
      slug: true,
      attestations: { where: { state: { in: ["published", "retracted"] } }, orderBy: { asOf: "desc" }, select: { id: true, asOf: true, asOfPrecision: true, state: true } },
    },
  });
  if (!issuer) notFound();
  const chosen = issuer.attestations.find((a) => a.id === reportId);
  const open = issuer.attestations.filter((a) => a.state === "published");
  return (
    <article className="suggest">
      <h1>Suggest a correction: {issuer.name}</h1>
      <p className="lede">
        Tell us which figure is wrong, what it should read and where you saw it. No account needed; an editor reviews every suggestion, and you get a
        private link to follow the outcome.
      </p>
      {chosen?.state === "retracted" ? (
        <p className="form-message error" role="alert">
          This report was retracted, so corrections to it are not taken. <a href={`/issuers/${issuer.slug}`}>Back to {issuer.name}</a>
        </p>
      ) : (
        <form method="post" action={`/issuers/${issuer.slug}/suggest/submit`} className="stack" data-testid="suggest-form">
          <input type="hidden" name="stamp" value={issueFormStamp()} />
          {/* A honeypot: hidden from people and screen readers; automated posters fill it. A class, not
              an inline style: the site's CSP (style-src 'self') ignores style attributes. */}
          <div aria-hidden="true" className="hp">
            <label htmlFor="s-website">Leave this empty</label>
            <input id="s-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <div className="field">
            <label htmlFor="s-report">Report</label>
            <select id="s-report" name="reportId" defaultValue={chosen?.id ?? ""}>
              <option value="">The issuer as a whole (latest report)</option>
              {open.map((a) => (
                <option key={a.id} value={a.id}>
                  Report as of {formatAsOf(a.asOf.toISOString().slice(0, 10), a.asOfPrecision)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="s-field">Which figure</label>
            <select id="s-field" name="field" required defaultValue="total_reserves">
              {SUGGESTION_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {SUGGESTION_FIELD_LABELS[f]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="s-figure">The figure, in your words</label>
            <input id="s-figure" name="figure" required maxLength={300} placeholder="e.g. total reserves on 31 March" />
          </div>
          <div className="field">
            <label htmlFor="s-value">What it should read</label>
            <textarea id="s-value" name="proposedValue" required maxLength={1000} rows={3} />
          </div>
          <div className="field">
            <label htmlFor="s-source">Source URL (where you saw the right value)</label>
            <input id="s-source" name="sourceUrl" type="url" required maxLength={2000} placeholder="https://" />
          </div>
          <div className="field">
            <label htmlFor="s-contact">Contact (optional, never shown publicly)</label>
            <input id="s-contact" name="contact" maxLength={300} autoComplete="email" />
          </div>
          <button className="btn" type="submit">
            Send suggestion
          </button>
          <p className="sub">At most 5 suggestions per hour from one network.</p>
        </form>
      )}
    </article>
  );
}

export default function SuggestPage(props: Props) {
  return (
    <Suspense fallback={<p>Loading the form…</p>}>
      <SuggestForm {...props} />
    </Suspense>
  );
}
