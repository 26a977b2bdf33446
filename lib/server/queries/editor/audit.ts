import "server-only";

import type { AuditRow } from "@/lib/domain/views/editor";
import { db } from "@/lib/server/db";

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; `before` is the id to continue after (keyset paging: stable while entries are appended). */
export async function auditLog(filter: {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  before?: string;
}): Promise<{ rows: AuditRow[]; next: string | null }> {
  const before = filter.before && /^\d+$/.test(filter.before) ? BigInt(filter.before) : undefined;
  const rows = await db().auditEntry.findMany({
    where: {
      ...(filter.entityType ? { entityType: filter.entityType } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(before ? { id: { lt: before } } : {}),
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({
    id: r.id.toString(),
    at: r.at.toISOString(),
    actorLabel: r.actorLabel,
    actorId: r.actorId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    reason: r.reason,
  }));
  return { rows: page, next: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id : null };
}
