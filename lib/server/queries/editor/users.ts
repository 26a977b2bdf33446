import "server-only";

import { db } from "@/lib/server/db";

export async function editorAccounts() {
  const [users, invites] = await Promise.all([
    db().user.findMany({
      orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { displayName: "asc" }],
      select: { id: true, email: true, displayName: true, role: true, disabledAt: true, createdAt: true },
    }),
    db().invite.findMany({
      where: { usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdBy: { select: { displayName: true } } },
    }),
  ]);
  return {
    users: users.map((u) => ({ ...u, disabledAt: u.disabledAt?.toISOString() ?? null, createdAt: u.createdAt.toISOString() })),
    invites: invites.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
      by: i.createdBy.displayName,
    })),
  };
}
