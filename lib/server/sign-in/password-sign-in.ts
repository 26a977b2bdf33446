import "server-only";

import { email as emailSchema } from "@/lib/domain/schemas/user";
// Email + password sign-in, as next-auth's credentials provider calls it.
// Attempts for one account are serialised by an advisory lock, so parallel
// guesses cannot slip past the limit between its check and its record.
import { db } from "@/lib/server/db";

import { verifyPassword } from "./passwords";
import { recordAttempt, signInLimit } from "./rate-limit";

export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly retryAt?: Date,
  ) {
    super(message);
  }
}

export const WRONG_CREDENTIALS = "Wrong email or password.";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export async function signInWithPassword(rawEmail: unknown, rawPassword: unknown, ip: string | null): Promise<SignedInUser> {
  const parsed = emailSchema.safeParse(rawEmail);
  const password = typeof rawPassword === "string" ? rawPassword.slice(0, 200) : "";
  if (!parsed.success || !password) throw new SignInRefused(WRONG_CREDENTIALS);
  const email = parsed.data;

  const outcome = await db().$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`sign-in:${email}`}))`;
      const limit = await signInLimit(tx, email, ip);
      if (limit.blocked) {
        await recordAttempt(tx, email, ip, "blocked");
        return { refused: new SignInRefused(limit.message!, limit.retryAt) };
      }
      const user = await tx.user.findUnique({ where: { email } });
      const ok = await verifyPassword(user?.passwordHash, password);
      if (!user || !ok) {
        await recordAttempt(tx, email, ip, "failed");
        const after = await signInLimit(tx, email, ip);
        return { refused: new SignInRefused(after.blocked ? `${WRONG_CREDENTIALS} ${after.message}` : WRONG_CREDENTIALS, after.retryAt) };
      }
      // Only someone who knows the password learns the account was disabled.
      if (user.disabledAt) {
        await recordAttempt(tx, email, ip, "failed");
        return { refused: new SignInRefused("This account has been disabled by an admin.") };
      }
      await recordAttempt(tx, email, ip, "succeeded");
      return { user: { id: user.id, email: user.email, name: user.displayName } };
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
  // Thrown after the transaction so the recorded attempt is committed.
  if ("refused" in outcome) throw outcome.refused;
  return outcome.user;
}
