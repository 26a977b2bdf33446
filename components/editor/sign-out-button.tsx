"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button className="btn link" type="button" onClick={() => void signOut({ callbackUrl: "/editor/sign-in" })}>
      Sign out
    </button>
  );
}
