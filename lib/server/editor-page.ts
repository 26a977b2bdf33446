import "server-only";

// The check at the top of every gated editor page, close to the data it guards
// (a layout check alone does not stop a page from rendering). proxy.ts already
// sent anonymous visitors to sign in with a 307; this catches what only the
// database knows: a revoked or disabled account, a session from before a revocation.
import { redirect } from "next/navigation";

import { getCurrentUser, SIGN_IN_PATH, type CurrentUser } from "@/lib/server/auth";

export async function editorPageUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`${SIGN_IN_PATH}?error=${encodeURIComponent("Your session has ended or was revoked. Sign in again.")}`);
  return user;
}
