import type { Metadata } from "next";

import { githubEnabled } from "@/lib/server/auth";
import { SignInForm } from "@/components/editor/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

// next-auth's error codes, and our own messages; anything else in the URL is
// not echoed (it could be text someone wrote into a link).
const CODES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  AccessDenied: "This sign-in is not allowed. Ask an admin for an invite.",
  OAuthSignin: "GitHub sign-in could not start. Try again.",
  OAuthCallback: "GitHub sign-in did not complete. Try again.",
  Callback: "Sign-in did not complete. Try again.",
  SessionRequired: "Sign in to continue.",
};
const OWN = [
  /^Too many failed sign-in attempts/,
  /^Wrong email or password/,
  /^This account has been disabled/,
  /^No editor account has a verified email/,
  /^Your session has ended/,
];

function message(error: string | undefined): string | null {
  if (!error) return null;
  if (CODES[error]) return CODES[error];
  if (OWN.some((re) => re.test(error)) && error.length < 300) return error;
  return "Sign-in failed. Try again.";
}

/** Only paths inside the editor area: a sign-in link must not send anyone elsewhere. */
function safeCallback(value: unknown): string {
  return typeof value === "string" && /^\/editor(\/|$|\?)/.test(value) && !value.startsWith("//") ? value : "/editor";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  return (
    <section className="narrow">
      <h1>Editors: sign in</h1>
      <p className="lede">For the maintainers who enter and correct reports. Readers need no account.</p>
      <SignInForm
        callbackUrl={safeCallback(sp.callbackUrl)}
        initialError={message(typeof sp.error === "string" ? sp.error : undefined)}
        github={githubEnabled()}
      />
    </section>
  );
}
