import "server-only";

// Who may call each write endpoint, declared in one place. Everything that
// writes requires a signed-in editor unless listed here. The authorization
// matrix test (tests/integration/authorization-matrix.test.ts) discovers every
// route handler and server action that can write and holds each to this list,
// so a new endpoint is checked without editing the test: forget to guard it
// and the anonymous check fails; forget to list an admin-only one here and the
// editor check fails.
//
// Keys: "POST /api/editor/attestations/[id]/publish" for route handlers (route
// groups left out), "app/…/actions.ts#actionName" for server actions.

/** Refused to editors; allowed to admins. */
export const ADMIN_ONLY = new Set<string>([
  "app/(editor)/editor/(gated)/attestations/[id]/actions.ts#retractAction",
  "app/(editor)/editor/(gated)/users/actions.ts#inviteAction",
  "app/(editor)/editor/(gated)/users/actions.ts#revokeUserAction",
  "app/(editor)/editor/(gated)/users/actions.ts#restoreUserAction",
  "app/(editor)/editor/(gated)/users/actions.ts#changeRoleAction",
  "app/(editor)/editor/(gated)/users/actions.ts#withdrawInviteAction",
]);

/** Open to anonymous callers, each for a stated reason and guarded another way. */
export const PUBLIC_WRITES: Record<string, { why: string; invoke: boolean }> = {
  "POST /api/auth/[...nextauth]": {
    why: "next-auth's own sign-in, callback and sign-out endpoints (CSRF-checked by next-auth)",
    invoke: false,
  },
  "POST /api/internal/revalidate": { why: "called by `npm start` with the random per-start REVALIDATE_TOKEN", invoke: true },
  "app/(editor)/editor/(auth)/invite/[token]/actions.ts#acceptInviteAction": {
    why: "a new editor has no session yet; needs the one-time invite token",
    invoke: true,
  },
  "POST /[locale]/issuers/[slug]/suggest/submit": {
    why: "readers suggest corrections without an account; guarded by a honeypot, a signed form stamp (minimum fill time) and 5 per IP per hour in PostgreSQL; it only adds a pending suggestion for editors to review",
    invoke: true,
  },
  // Alerts (issue 20): readers follow issuers without an account (lib/server/alerts/).
  "POST /api/alerts/subscribe": {
    why: "readers follow issuers without an account; cross-site refused, 5 requests per network per hour and 3 pending per address in PostgreSQL, e-mail double opt-in (only a confirmation is sent until confirmed), webhook URLs on private addresses refused",
    invoke: true,
  },
  "POST /api/alerts/confirm": {
    why: "the double opt-in link's click; needs the one-time confirmation token (expires after 48 h)",
    invoke: true,
  },
  "POST /api/alerts/unsubscribe": {
    why: "RFC 8058 one-click unsubscribe, sent by mail providers without a session; needs the subscription's management token",
    invoke: true,
  },
  "POST /api/alerts/manage": {
    why: "a subscriber changes the kinds of events followed; cross-site refused; needs the subscription's management token",
    invoke: true,
  },
};
