// Inputs of the editor accounts: invites, accepting one, roles. Shared by the
// forms and the server commands, like every other input schema.
import { z } from "zod";

import { requiredText } from "./common";

export const ROLES = ["admin", "editor"] as const;
export type Role = (typeof ROLES)[number];

export const email = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .max(320, "at most 320 characters")
  .pipe(z.email({ error: "must be an email address" }));

/** Long rather than clever (NIST SP 800-63B): length is what resists guessing. */
export const password = z.string({ error: "required" }).min(12, "at least 12 characters").max(200, "at most 200 characters");

export const displayName = requiredText(100);

export const role = z.enum(ROLES, { error: `must be one of: ${ROLES.join(", ")}` });

export const inviteInput = z.object({ email, role: role.default("editor") }).strict();
export type InviteInput = z.infer<typeof inviteInput>;

export const acceptInviteInput = z
  .object({
    token: z.string().trim().min(20, "this invite link is incomplete").max(200),
    displayName,
    password,
    passwordAgain: z.string(),
  })
  .strict()
  .refine((v) => v.password === v.passwordAgain, { path: ["passwordAgain"], message: "does not match the password" });
export type AcceptInviteInput = z.infer<typeof acceptInviteInput>;

export const roleChangeInput = z.object({ userId: z.string().min(1), role }).strict();

export const createAdminInput = z.object({ email, displayName, password }).strict();

/** Why a published report was corrected or retracted: shown to readers. */
export const reasonText = z
  .string({ error: "say why" })
  .trim()
  .min(3, "say why, in a few words readers will see")
  .max(1000, "at most 1000 characters");
