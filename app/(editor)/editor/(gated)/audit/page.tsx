import type { Metadata } from "next";
import Link from "next/link";

import { editorPageUser } from "@/lib/server/editor-page";
import { auditLog } from "@/lib/server/queries/editor/audit";
import { AuditTable } from "@/components/editor/audit-table";

export const metadata: Metadata = { title: "Audit log" };

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 200 ? v : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  await editorPageUser();
  const sp = await searchParams;
  const filter = { entityType: one(sp.entityType), entityId: one(sp.entityId), before: one(sp.before) };
  const { rows, next } = await auditLog(filter);
  const base = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1] && e[0] !== "before"));
  return (
    <>
      <h1>Audit log</h1>
      <p className="lede">
        Every change, newest first, with who made it and the values before and after. The database refuses to alter or delete an entry.
      </p>
      {(filter.entityType || filter.entityId) && (
        <p>
          Showing {filter.entityType?.replace(/_/g, " ") ?? "entries"} {filter.entityId ?? ""} only.{" "}
          <Link href="/editor/audit">Show everything</Link>
        </p>
      )}
      <AuditTable rows={rows} />
      {next && (
        <p>
          <Link href={`/editor/audit?${new URLSearchParams([...base, ["before", next]]).toString()}`}>Older entries</Link>
        </p>
      )}
    </>
  );
}
