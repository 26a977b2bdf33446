import type { Metadata } from "next";
import Link from "next/link";

import { fromUtcDate } from "@/lib/domain/dates";
import { ISSUER_STATUS_LABELS } from "@/lib/domain/taxonomy";
import { editorPageUser } from "@/lib/server/editor-page";
import { env } from "@/lib/server/env";
import { editorIssuerList, staleIssuers } from "@/lib/server/queries/editor/issuers";

export const metadata: Metadata = { title: "Issuers" };

const day = (d: Date) => fromUtcDate(d);

export default async function EditorIssuersPage({ searchParams }: { searchParams: Promise<{ staleDays?: string }> }) {
  await editorPageUser();
  const requested = Number((await searchParams).staleDays);
  const staleDays = Number.isInteger(requested) && requested >= 1 && requested <= 3650 ? requested : env().REVIEW_STALE_DAYS;
  const issuers = await editorIssuerList();
  const stale = staleIssuers(issuers, staleDays, new Date());
  return (
    <>
      <h1>Issuers</h1>
      <section aria-labelledby="stale-h" className="panel" data-testid="stale-issuers">
        <h2 id="stale-h">
          Not reviewed for more than {staleDays} days ({stale.length})
        </h2>
        <form method="get" className="inline-form">
          <label htmlFor="staleDays">Days</label>{" "}
          <input id="staleDays" name="staleDays" type="number" min={1} max={3650} defaultValue={staleDays} />{" "}
          <button type="submit" className="btn">
            Show
          </button>{" "}
          <span className="sub">Default {env().REVIEW_STALE_DAYS} (REVIEW_STALE_DAYS).</span>
        </form>
        {stale.length === 0 ? (
          <p>Every issuer was reviewed within {staleDays} days.</p>
        ) : (
          <ul>
            {stale.map((i) => (
              <li key={i.id} data-testid="stale-issuer">
                <Link href={`/editor/issuers/${i.slug}`}>{i.name}</Link>:{" "}
                {i.lastReview ? `last reviewed ${day(i.lastReview.at)} by ${i.lastReview.by}` : "never reviewed"}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link className="btn primary" href="/editor/issuers/new">
          New issuer
        </Link>
      </p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Issuer</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Reports
              </th>
              <th scope="col" className="num">
                Stress events
              </th>
              <th scope="col">Last reviewed</th>
            </tr>
          </thead>
          <tbody>
            {issuers.map((i) => (
              <tr key={i.id} data-testid="editor-issuer-row">
                <th scope="row">
                  <Link href={`/editor/issuers/${i.slug}`}>{i.name}</Link> {i.isDemo && <span className="badge demo">demo</span>}
                </th>
                <td>{ISSUER_STATUS_LABELS[i.status]}</td>
                <td className="num">
                  <Link href={`/editor/issuers/${i.slug}/attestations`}>{i.reports}</Link>
                </td>
                <td className="num">
                  <Link href={`/editor/issuers/${i.slug}/stress`}>{i.stressEvents}</Link>
                </td>
                <td>{i.lastReview ? `${day(i.lastReview.at)} (${i.lastReview.by})` : "never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
