// The audit log as a table: who did what to which record and when, with the
// values before and after, field by field. Values are shown as text (escaped
// by React), whatever an editor typed.
import Link from "next/link";

import { diffValues } from "@/lib/domain/editor/diff";
import type { AuditRow } from "@/lib/domain/views/editor";

import { FieldChangesTable } from "./field-changes";

const ENTITY_HREF: Record<string, (id: string) => string> = {
  attestation: (id) => `/editor/attestations/${id}`,
  stress_event: (id) => `/editor/stress/${id}`,
};

function Changes({ row }: { row: AuditRow }) {
  const diffs = diffValues(row.before ?? {}, row.after ?? {});
  if (diffs.length === 0) return <span className="sub">no field changes</span>;
  const shown = diffs.slice(0, 200);
  return (
    <details>
      <summary>
        {diffs.length} field{diffs.length === 1 ? "" : "s"}
      </summary>
      <FieldChangesTable diffs={shown} />
    </details>
  );
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return <p className="sub">No entries.</p>;
  return (
    <div className="table-scroll">
      <table className="audit">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">Did</th>
            <th scope="col">To</th>
            <th scope="col">Reason</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const href = ENTITY_HREF[r.entityType]?.(r.entityId);
            return (
              <tr key={r.id} data-testid="audit-row" data-action={r.action}>
                <td className="nowrap">{r.at.slice(0, 19).replace("T", " ")}</td>
                <td>{r.actorLabel}</td>
                <td>
                  <span className="badge">{r.action}</span>
                </td>
                <td>
                  {r.entityType.replace(/_/g, " ")} {href ? <Link href={href}>open</Link> : null}{" "}
                  <Link className="sub" href={`/editor/audit?entityType=${r.entityType}&entityId=${encodeURIComponent(r.entityId)}`}>
                    history
                  </Link>
                </td>
                <td>{r.reason ?? ""}</td>
                <td>
                  <Changes row={r} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
