"use client";

// The admin's account tools: invite (the one-time link is shown here, once),
// revoke or restore, change role, withdraw an unused invite.
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";

import type { ActionResult } from "@/lib/domain/views/editor";

import { FormMessage } from "./ui";

type Action<T> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>;
type Invited = { path: string; email: string; role: string; expiresAt: string };

function useRefreshOnSuccess<T>(state: ActionResult<T> | null) {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
}

export function InviteForm({ action }: { action: Action<Invited> }) {
  const [state, submit, pending] = useActionState(action, null);
  // Only rendered after the action answered, so always in the browser.
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  useRefreshOnSuccess(state);
  const emailError = state && !state.ok ? (state.error.fieldErrors as Record<string, string[]> | undefined)?.email : undefined;
  return (
    <form action={submit} className="stack">
      {state?.ok && (
        <FormMessage kind="success" testId="invite-link">
          Send this link to {state.data.email} yourself (it is shown only now, works once, until{" "}
          {state.data.expiresAt.slice(0, 16).replace("T", " ")} UTC):
          <br />
          <code className="copy">{`${origin}${state.data.path}`}</code>
        </FormMessage>
      )}
      {state && !state.ok && <FormMessage kind="error">{state.error.message}</FormMessage>}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" required />
          {emailError && <p className="field-error">{emailError.join("; ")}</p>}
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="editor">
            <option value="editor">editor (drafts, publishes, corrects)</option>
            <option value="admin">admin (also manages editors, retracts)</option>
          </select>
        </div>
      </div>
      <button className="btn primary" type="submit" disabled={pending}>
        Create invite link
      </button>
    </form>
  );
}

export function SmallAction<T>({
  action,
  fields,
  label,
  danger,
  children,
}: {
  action: Action<T>;
  fields: Record<string, string>;
  label: string;
  danger?: boolean;
  children?: React.ReactNode;
}) {
  const [state, submit, pending] = useActionState(action, null);
  useRefreshOnSuccess(state);
  return (
    <form action={submit} className="inline-form">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children}
      <button className={`btn${danger ? " danger" : ""}`} type="submit" disabled={pending}>
        {label}
      </button>
      {state && !state.ok && (
        <span className="field-error" role="alert">
          {state.error.message}
        </span>
      )}
    </form>
  );
}
