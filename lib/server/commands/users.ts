import "server-only";

// Editor accounts: the first admin (from the command line), invites, revoking
// and roles. Invite tokens are random, stored only as their SHA-256, expire,
// and work once. Revoking sets sessionsValidAfter, which every request checks.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { acceptInviteInput, createAdminInput, inviteInput, roleChangeInput } from "@/lib/domain/schemas/user";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/sign-in/passwords";

import { defineCommand } from "./define";
import { CommandError, fieldError } from "./errors";

export const INVITE_TTL_HOURS = 72;
export const invitePath = (token: string) => `/editor/invite/${token}`;
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** Hashed while parsing, outside the transaction: the plain password goes no further. */
const withPasswordHash = async <T extends { password: string }>({ password, ...rest }: T) => ({
  ...rest,
  passwordHash: await hashPassword(password),
});

const createAdminCommand = defineCommand({
  name: "create admin",
  role: "admin",
  system: true,
  schema: createAdminInput.transform(withPasswordHash),
  invalid: "The admin's details need attention; nothing was created.",
  async run(tx, { email, displayName, passwordHash }) {
    if (await tx.user.findUnique({ where: { email } }))
      throw fieldError(
        "email",
        "an account with this email already exists",
        `An account for ${email} already exists; nothing was created.`,
      );
    const user = await tx.user.create({ data: { email, displayName, passwordHash, role: "admin" } });
    return {
      data: { id: user.id, email },
      audit: { action: "create", entityType: "user", entityId: user.id, after: { email, displayName, role: "admin" } },
    };
  },
});

/** `npm run create-admin`: whoever can run commands on the server may create an admin. */
export async function createAdmin(prisma: PrismaClient, raw: unknown): Promise<{ id: string; email: string }> {
  const actor = { id: null, label: "system: create-admin command", role: "admin" } as const;
  return (await createAdminCommand.asSystem(prisma, actor, raw)).data;
}

export const createInvite = defineCommand({
  name: "invite editor",
  role: "admin",
  schema: inviteInput,
  async run(tx, { email, role }, { actor }) {
    if (await tx.user.findUnique({ where: { email } })) throw fieldError("email", "already has an account");
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + INVITE_TTL_HOURS * 3600_000);
    const invite = await tx.invite.create({ data: { tokenHash: hashToken(token), email, role, createdById: actor.id, expiresAt } });
    return {
      data: { path: invitePath(token), email, role, expiresAt: expiresAt.toISOString() },
      // The token itself is never stored, not even in the audit log.
      audit: { action: "invite", entityType: "invite", entityId: invite.id, after: { email, role, expiresAt: expiresAt.toISOString() } },
    };
  },
});

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
export const acceptInvite = defineCommand({
  name: "accept invite",
  role: "anyone",
  schema: acceptInviteInput.transform(withPasswordHash),
  async run(tx, { token, displayName, passwordHash }) {
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
    return {
      data: { email: user.email },
      audit: {
        actor: { id: user.id, displayName },
        action: "accept_invite",
        entityType: "user",
        entityId: user.id,
        after: { email: user.email, displayName, role: user.role },
        reason: `invite ${invite.id}`,
      },
    };
  },
});

export const withdrawInvite = defineCommand({
  name: "withdraw invite",
  role: "admin",
  schema: z.string(),
  async run(tx, inviteId) {
    const done = await tx.invite.updateMany({ where: { id: inviteId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (done.count !== 1) throw new CommandError("state", "This invite is already used or withdrawn.");
    return { data: null, audit: { action: "withdraw_invite", entityType: "invite", entityId: inviteId, after: { revoked: true } } };
  },
});

/** Signs the user out everywhere at once and keeps them out until restored. */
export const revokeUser = defineCommand({
  name: "revoke user",
  role: "admin",
  schema: z.string(),
  async run(tx, userId, { actor }) {
    if (userId === actor.id) throw new CommandError("validation", "You cannot revoke your own account; ask another admin.");
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new CommandError("not_found", "No such account.");
    if (user.disabledAt) throw new CommandError("state", `${user.displayName} is already revoked.`);
    const now = new Date();
    await tx.user.update({ where: { id: userId }, data: { disabledAt: now, sessionsValidAfter: now } });
    return {
      data: null,
      audit: {
        action: "revoke",
        entityType: "user",
        entityId: userId,
        before: { disabledAt: null },
        after: { disabledAt: now.toISOString(), sessionsValidAfter: now.toISOString() },
      },
    };
  },
});

export const restoreUser = defineCommand({
  name: "restore user",
  role: "admin",
  schema: z.string(),
  async run(tx, userId) {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new CommandError("not_found", "No such account.");
    if (!user.disabledAt) throw new CommandError("state", `${user.displayName} is not revoked.`);
    // Sessions from before the revocation stay invalid: the user signs in again.
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null, sessionsValidAfter: new Date() } });
    return {
      data: null,
      audit: {
        action: "restore",
        entityType: "user",
        entityId: userId,
        before: { disabledAt: user.disabledAt.toISOString() },
        after: { disabledAt: null },
      },
    };
  },
});

export const changeRole = defineCommand({
  name: "change role",
  role: "admin",
  schema: roleChangeInput,
  async run(tx, { userId, role }, { actor }) {
    // The caller stays an active admin, so an admin always remains.
    if (userId === actor.id) throw new CommandError("validation", "You cannot change your own role; ask another admin.");
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new CommandError("not_found", "No such account.");
    if (user.role === role)
      throw new CommandError("state", `${user.displayName} is already ${role === "admin" ? "an admin" : "an editor"}.`);
    await tx.user.update({ where: { id: userId }, data: { role } });
    return {
      data: null,
      audit: { action: "change_role", entityType: "user", entityId: userId, before: { role: user.role }, after: { role } },
    };
  },
});
