"use client";

// A form whose submit is handled by React in the browser (onSubmit, then a
// fetch). Until React has hydrated it, nothing in it can be used: its controls
// sit in a disabled fieldset. Without that, a click on the server-rendered
// page would submit the form natively (a GET to the page itself, the password
// of the sign-in form in the address), and what was typed into a controlled
// input before hydration would be dropped at the next render, unseen by the
// state that is sent. On a slow phone that window is seconds long.
import { useSyncExternalStore } from "react";

const never = () => () => {};

/** False while rendering on the server and hydrating, true once React runs the page. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}

export function ClientForm({ children, ...props }: React.ComponentProps<"form">) {
  const ready = useHydrated();
  return (
    <form {...props} aria-busy={ready ? undefined : true}>
      <fieldset className="form-body" disabled={!ready}>
        {children}
      </fieldset>
    </form>
  );
}
