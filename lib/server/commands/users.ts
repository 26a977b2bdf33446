import "server-only";

// Editor accounts: the first admin (from the command line), invites, revoking
// and roles. Invite tokens are random, stored only as their SHA-256, expire,
// and work once. Revoking sets sessionsValidAfter, which every request checks.
import { createHash, randomBytes } from "node:crypto";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acceptInviteInput, createAdminInput, inviteInput, roleChangeInput } from "@/lib/domain/schemas/user";
import { requireRole } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/sign-in/passwords";

import { CommandError, fieldError, validationError } from "./errors";
import { audit, WRITE_TX, type Written } from "./shared";

export const INVITE_TTL_HOURS = 72;
export const invitePath = (token: string) => `/editor/invite/${token}`;
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** `npm run create-admin`: whoever can run commands on the server may create an admin. */
export async function createAdmin(prisma: PrismaClient, raw: unknown): Promise<{ id: string; email: string }> {
  const parsed = createAdminInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error, "The admin's details need attention; nothing was created.");
  const { email, displayName, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email } }))
      throw fieldError(
        "email",
        "an account with this email already exists",
        `An account for ${email} already exists; nothing was created.`,
      );
    const user = await tx.user.create({ data: { email, displayName, passwordHash, role: "admin" } });
    await audit(
      tx,
      { id: null, displayName: "system: create-admin command" },
      { action: "create", entityType: "user", entityId: user.id, after: { email, displayName, role: "admin" } },
    );
    return { id: user.id, email };
  }, WRITE_TX);
}

export async function createInvite(raw: unknown): Promise<Written<{ path: string; email: string; role: string; expiresAt: string }>> {
  const admin = await requireRole("admin");
  const parsed = inviteInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { email, role } = parsed.data;
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_TTL_HOURS * 3600_000);
  await db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email } })) throw fieldError("email", "already has an account");
    const invite = await tx.invite.create({ data: { tokenHash: hashToken(token), email, role, createdById: admin.id, expiresAt } });
    // The token itself is never stored, not even in the audit log.
    await audit(tx, admin, {
      action: "invite",
      entityType: "invite",
      entityId: invite.id,
      after: { email, role, expiresAt: expiresAt.toISOString() },
    });
  }, WRITE_TX);
  return { data: { path: invitePath(token), email, role, expiresAt: expiresAt.toISOString() }, tags: [] };
}

export type InviteStatus = { ok: true; email: string; role: string; expiresAt: string } | { ok: false; message: string };

function inviteProblem(invite: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date } | null, now: Date): string | null {
  if (!invite) return "This invite link is not valid. Ask an admin for a new one.";
  if (invite.usedAt) return "This invite link has already been used. Sign in instead, or ask an admin for a new one.";
  if (invite.revokedAt) return "This invite was withdrawn by an admin. Ask for a new one.";
  if (invite.expiresAt <= now) return "This invite link has expired. Ask an admin for a new one.";
  return null;
}

/** For the invite page: whether the link still works (reads only). */
export async function inviteStatus(token: string): Promise<InviteStatus> {
  const invite = await db().invite.findUnique({ where: { tokenHash: hashToken(token) } });
  const problem = inviteProblem(invite, new Date());
  return problem || !invite
    ? { ok: false, message: problem ?? "" }
    : { ok: true, email: invite.email, role: invite.role, expiresAt: invite.expiresAt.toISOString() };
}

/** The invitee sets a name and password; needs no session, only the token. */
export async function acceptInvite(raw: unknown): Promise<Written<{ email: string }>> {
  const parsed = acceptInviteInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { token, displayName, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const email = await db().$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) } });
    const problem = inviteProblem(invite, new Date());
    if (problem || !invite) throw new CommandError("state", problem ?? "This invite link is not valid.");
    if (await tx.user.findUnique({ where: { email: invite.email } }))
      throw new CommandError("state", "An account with this email already exists. Sign in instead.");
    const user = await tx.user.create({ data: { email: invite.email, displayName, passwordHash, role: invite.role } });
    // Single use even under a race: only the first transaction finds it unused.
    const used = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null },
      data: { usedAt: new Date(), userId: user.id },
    });
    if (used.count !== 1) throw new CommandError("state", "This invite link has already been used.");
    await audit(
      tx,
      { id: user.id, displayName },
      {
        action: "accept_invite",
        entityType: "user",
        entityId: user.id,
        after: { email: user.email, displayName, role: user.role },
        reason: `invite ${invite.id}`,
      },
    );
    return user.email;
  }, WRITE_TX);
  return { data: { email }, tags: [] };
}

export async function withdrawInvite(inviteId: string): Promise<Written<null>> {
  const admin = await requireRole("admin");
  await db().$transaction(async (tx) => {
    const done = await tx.invite.updateMany({ where: { id: inviteId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (done.count !== 1) throw new CommandError("state", "This invite is already used or withdrawn.");
    await audit(tx, admin, { action: "withdraw_invite", entityType: "invite", entityId: inviteId, after: { revoked: true } });
  }, WRITE_TX);
  return { data: null, tags: [] };
}

/** Signs the user out everywhere at once and keeps them out until restored. */
export async function revokeUser(userId: string): Promise<Written<null>> {
  const admin = await requireRole("admin");
  if (userId === admin.id) throw new CommandError("validation", "You cannot revoke your own account; ask another admin.");
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new CommandError("not_found", "No such account.");
    if (user.disabledAt) throw new CommandError("state", `${user.displayName} is already revoked.`);
    const now = new Date();
    await tx.user.update({ where: { id: userId }, data: { disabledAt: now, sessionsValidAfter: now } });
    await audit(tx, admin, {
      action: "revoke",
      entityType: "user",
      entityId: userId,
      before: { disabledAt: null },
      after: { disabledAt: now.toISOString(), sessionsValidAfter: now.toISOString() },
    });
  }, WRITE_TX);
  return { data: null, tags: [] };
}

export async function restoreUser(userId: string): Promise<Written<null>> {
  const admin = await requireRole("admin");
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new CommandError("not_found", "No such account.");
    if (!user.disabledAt) throw new CommandError("state", `${user.displayName} is not revoked.`);
    // Sessions from before the revocation stay invalid: the user signs in again.
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null, sessionsValidAfter: new Date() } });
    await audit(tx, admin, {
      action: "restore",
      entityType: "user",
      entityId: userId,
      before: { disabledAt: user.disabledAt.toISOString() },
      after: { disabledAt: null },
    });
  }, WRITE_TX);
  return { data: null, tags: [] };
}

export async function changeRole(raw: unknown): Promise<Written<null>> {
  const admin = await requireRole("admin");
  const parsed = roleChangeInput.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  const { userId, role } = parsed.data;
  // The caller stays an active admin, so an admin always remains.
  if (userId === admin.id) throw new CommandError("validation", "You cannot change your own role; ask another admin.");
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new CommandError("not_found", "No such account.");
    if (user.role === role)
      throw new CommandError("state", `${user.displayName} is already ${role === "admin" ? "an admin" : "an editor"}.`);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await audit(tx, admin, { action: "change_role", entityType: "user", entityId: userId, before: { role: user.role }, after: { role } });
  }, WRITE_TX);
  return { data: null, tags: [] };
}
