import "server-only";

// Who is signing in, and who is asking. Sessions are JWTs that expire (8 h by
// default) and carry only the user's id and when they signed in; everything
// else (role, disabled, revoked) is read from the database on every editor
// request, so an admin's revocation or role change applies at once.
import type { NextAuthOptions } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";

import { AuthError } from "@/lib/server/commands/errors";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { appUserForVerifiedEmails, githubProvider, type GithubUser } from "@/lib/server/sign-in/github";
import { SignInRefused, signInWithPassword } from "@/lib/server/sign-in/password-sign-in";
import { clientIp, recordAttempt } from "@/lib/server/sign-in/rate-limit";

export type Role = "admin" | "editor";

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface SessionClaims {
  uid: string;
  /** Milliseconds since the epoch; compared with the user's sessionsValidAfter. */
  signedInAt: number;
}

export const SIGN_IN_PATH = "/editor/sign-in";

export function githubEnabled(): boolean {
  const { GITHUB_ID, GITHUB_SECRET } = env();
  return !!GITHUB_ID && !!GITHUB_SECRET;
}

export function authOptions(): NextAuthOptions {
  const { GITHUB_ID, GITHUB_SECRET, NEXTAUTH_SECRET, SESSION_MAX_AGE_HOURS } = env();
  const maxAge = Math.round(SESSION_MAX_AGE_HOURS * 3600);
  return {
    secret: NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge, updateAge: maxAge },
    jwt: { maxAge },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          try {
            return await signInWithPassword(credentials?.email, credentials?.password, clientIp(req?.headers));
          } catch (err) {
            // next-auth passes a thrown message to the sign-in page as ?error=…
            if (err instanceof SignInRefused) throw new Error(err.message);
            throw err;
          }
        },
      }),
      ...(GITHUB_ID && GITHUB_SECRET ? [githubProvider(GITHUB_ID, GITHUB_SECRET)] : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "github") return true;
        const match = await appUserForVerifiedEmails((user as unknown as GithubUser).verifiedEmails ?? []);
        await db().$transaction((tx) => recordAttempt(tx, match?.email ?? null, null, match ? "succeeded" : "failed"));
        // No account is ever created from GitHub: an admin invites first.
        return match
          ? true
          : `${SIGN_IN_PATH}?error=${encodeURIComponent("No editor account has a verified email of this GitHub account. Ask an admin for an invite.")}`;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const id =
            account.provider === "github"
              ? (await appUserForVerifiedEmails((user as unknown as GithubUser).verifiedEmails ?? []))?.id
              : user.id;
          if (!id) throw new Error("no matching account");
          // Only what cannot change: the rest is read fresh on every request.
          return { sub: id, uid: id, signedInAt: Date.now() };
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, uid: token.uid, signedInAt: token.signedInAt };
      },
    },
  };
}

// ── the session at the outer edge ──────────────────────────────────────────

let testClaims: SessionClaims | null | undefined;

/**
 * Tests call route handlers and server actions directly, outside a request:
 * they set the session here instead of a cookie. Everything after this read
 * (user lookup, revocation, roles) runs as in production.
 */
export function setTestSession(claims: SessionClaims | null | undefined): void {
  if (process.env.VITEST !== "true") throw new Error("setTestSession is only for tests");
  testClaims = claims;
}

async function readSessionClaims(): Promise<SessionClaims | null> {
  if (process.env.VITEST === "true" && testClaims !== undefined) return testClaims;
  const { cookies, headers } = await import("next/headers");
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const token = await getToken({
    req: {
      cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
      headers: Object.fromEntries(headerList),
    } as never,
    secret: env().NEXTAUTH_SECRET,
  });
  if (!token || typeof token.uid !== "string" || typeof token.signedInAt !== "number") return null;
  return { uid: token.uid, signedInAt: token.signedInAt };
}

/** The signed-in user, or null: no session, expired, disabled, or signed in before a revocation. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const claims = await readSessionClaims();
  if (!claims) return null;
  const user = await db().user.findUnique({
    where: { id: claims.uid },
    select: { id: true, email: true, displayName: true, role: true, disabledAt: true, sessionsValidAfter: true },
  });
  if (!user || user.disabledAt) return null;
  if (claims.signedInAt < user.sessionsValidAfter.getTime()) return null;
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
}

/** The caller, if they hold the role (an admin holds every role); throws AuthError otherwise. */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError("unauthenticated", "Your session has ended or you are not signed in: sign in again. Nothing was saved.");
  if (role === "admin" && user.role !== "admin") throw new AuthError("forbidden", "Only an admin may do this. Nothing was saved.");
  return user;
}

export const actorOf = (u: CurrentUser) => ({ id: u.id, label: u.displayName });
