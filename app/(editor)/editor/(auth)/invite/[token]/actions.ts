"use server";

// Accepting an invite needs no session, only the one-time token in the link.
import { type ActionResult } from "@/lib/domain/views/editor";
import { acceptInvite } from "@/lib/server/commands/users";
import { runAction, text } from "@/lib/server/edge/action";

export async function acceptInviteAction(_prev: unknown, form: FormData): Promise<ActionResult<{ email: string }>> {
  return runAction("accept invite", () =>
    acceptInvite({
      token: text(form, "token"),
      displayName: text(form, "displayName"),
      password: text(form, "password"),
      passwordAgain: text(form, "passwordAgain"),
    }),
  );
}
