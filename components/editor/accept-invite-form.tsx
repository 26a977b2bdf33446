"use client";

import Link from "next/link";
import { useActionState } from "react";

import type { ActionResult } from "@/lib/domain/views/editor";

import { FormMessage } from "./ui";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ email: string }>>;

export function AcceptInviteForm({ token, email, action }: { token: string; email: string; action: Action }) {
  const [state, submit, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <FormMessage kind="success" testId="invite-accepted">
        Your account {state.data.email} is ready. <Link href="/editor/sign-in">Sign in</Link>.
      </FormMessage>
    );
  }
  const errors = state && !state.ok ? ((state.error.fieldErrors as Record<string, string[]> | undefined) ?? {}) : {};
  const err = (name: string) => (errors[name]?.length ? <p className="field-error">{errors[name]!.join("; ")}</p> : null);
  return (
    <form action={submit} className="stack">
      {state && !state.ok && <FormMessage kind="error">{state.error.message}</FormMessage>}
      <input type="hidden" name="token" value={token} />
      <p>
        Account: <strong>{email}</strong>
      </p>
      <div className="field">
        <label htmlFor="displayName">Your name, as the audit log shows it</label>
        <input id="displayName" name="displayName" required maxLength={100} autoComplete="name" />
        {err("displayName")}
      </div>
      <div className="field">
        <label htmlFor="password">Password (at least 12 characters)</label>
        <input id="password" name="password" type="password" required minLength={12} maxLength={200} autoComplete="new-password" />
        {err("password")}
      </div>
      <div className="field">
        <label htmlFor="passwordAgain">Password again</label>
        <input id="passwordAgain" name="passwordAgain" type="password" required autoComplete="new-password" />
        {err("passwordAgain")}
      </div>
      {err("token")}
      <button className="btn primary" type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create my account"}
      </button>
    </form>
  );
}
