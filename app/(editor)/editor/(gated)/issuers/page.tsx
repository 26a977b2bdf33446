import type { Metadata } from "next";
import Link from "next/link";
import { ISSUER_STATUS_LABELS } from "@/lib/domain/taxonomy";
import { editorPageUser } from "@/lib/server/editor-page";
import { editorIssuerList } from "@/lib/server/queries/editor/issuers";

export const metadata: Metadata = { title: "Issuers" };

export default async function EditorIssuersPage() {
  await editorPageUser();
  const issuers = await editorIssuerList();
  return (
    <>
      <h1>Issuers</h1>
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
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
