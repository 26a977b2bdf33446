"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

import { ClientForm } from "@/components/editor/client-form";

import { FormMessage } from "./ui";

export function SignInForm({ callbackUrl, initialError, github }: { callbackUrl: string; initialError: string | null; github: boolean }) {
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false, callbackUrl });
      if (!res || res.error || !res.ok) {
        setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "Wrong email or password.");
        return;
      }
      // A full navigation, so the new session cookie goes with the first editor request.
      window.location.assign(callbackUrl);
    } catch {
      setError("The server could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="sign-in">
      {error && (
        <FormMessage kind="error" testId="sign-in-error">
          {error}
        </FormMessage>
      )}
      <ClientForm onSubmit={submit} className="stack">
        <div className="field">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button className="btn primary" type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </ClientForm>
      {github && (
        <p>
          <button className="btn" type="button" onClick={() => void signIn("github", { callbackUrl })}>
            Sign in with GitHub
          </button>
          <span className="sub"> (for accounts whose email is verified on GitHub)</span>
        </p>
      )}
    </div>
  );
}
