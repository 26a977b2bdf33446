import "server-only";

// Optional GitHub sign-in. It never creates an account: it maps to an existing,
// active user whose email GitHub reports as *verified* on that GitHub account
// (the stock provider takes the primary email whether verified or not).
import GitHubProvider from "next-auth/providers/github";
import type { Provider } from "next-auth/providers/index";

import { db } from "@/lib/server/db";

interface GithubEmail {
  email: string;
  verified: boolean;
  primary: boolean;
}

export interface GithubUser {
  id: string;
  name: string;
  email: string | null;
  verifiedEmails: string[];
}

export async function verifiedGithubEmails(accessToken: string, fetcher: typeof fetch = fetch): Promise<string[]> {
  const res = await fetcher("https://api.github.com/user/emails", {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: "application/vnd.github+json" },
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) return [];
  const emails = (await res.json()) as GithubEmail[];
  return Array.isArray(emails)
    ? emails.filter((e) => e.verified === true && typeof e.email === "string").map((e) => e.email.toLowerCase())
    : [];
}

export function githubProvider(clientId: string, clientSecret: string): Provider {
  return GitHubProvider({
    clientId,
    clientSecret,
    userinfo: {
      url: "https://api.github.com/user",
      async request({ client, tokens }) {
        const profile = await client.userinfo(tokens.access_token!);
        return { ...profile, verified_emails: await verifiedGithubEmails(tokens.access_token!) };
      },
    },
    profile(profile): GithubUser {
      const p = profile as unknown as { id: number; login: string; name: string | null; email: string | null; verified_emails?: string[] };
      return { id: String(p.id), name: p.name ?? p.login, email: p.email, verifiedEmails: p.verified_emails ?? [] };
    },
  });
}

/** The active account one of these verified emails belongs to, if exactly one does. */
export async function appUserForVerifiedEmails(
  verifiedEmails: readonly string[],
): Promise<{ id: string; name: string; email: string } | null> {
  if (verifiedEmails.length === 0) return null;
  const users = await db().user.findMany({
    where: { email: { in: verifiedEmails.map((e) => e.toLowerCase()) }, disabledAt: null },
    select: { id: true, displayName: true, email: true },
  });
  if (users.length !== 1) return null;
  const u = users[0]!;
  return { id: u.id, name: u.displayName, email: u.email };
}
