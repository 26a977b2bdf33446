"use server";

// Account administration, admins only (each command checks the role itself).
import { type ActionResult } from "@/lib/domain/views/editor";
import { changeRole, createInvite, restoreUser, revokeUser, withdrawInvite } from "@/lib/server/commands/users";
import { runAction, text } from "@/lib/server/edge/action";

export async function inviteAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ path: string; email: string; role: string; expiresAt: string }>> {
  return runAction("invite editor", () => createInvite({ email: text(form, "email"), role: text(form, "role") || undefined }));
}

export async function revokeUserAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("revoke user", () => revokeUser(text(form, "userId") ?? ""));
}

export async function restoreUserAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("restore user", () => restoreUser(text(form, "userId") ?? ""));
}

export async function changeRoleAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("change role", () => changeRole({ userId: text(form, "userId"), role: text(form, "role") }));
}

export async function withdrawInviteAction(_prev: unknown, form: FormData): Promise<ActionResult<null>> {
  return runAction("withdraw invite", () => withdrawInvite(text(form, "inviteId") ?? ""));
}
