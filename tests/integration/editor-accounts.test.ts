// Accounts: revoking at once, roles, one-time invites, the first admin.
import { encode, getToken } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { authOptions, getCurrentUser, requireRole } from "@/lib/server/auth";
import { createAttestationDraft } from "@/lib/server/commands/attestations";
import { CommandError } from "@/lib/server/commands/errors";
import {
  acceptInvite,
  changeRole,
  createAdmin,
  createInvite,
  hashToken,
  inviteStatus,
  restoreUser,
  revokeUser,
  withdrawInvite,
} from "@/lib/server/commands/users";
import { signInWithPassword } from "@/lib/server/sign-in/password-sign-in";

import { makeIssuer, sql, testPrisma, unique } from "../support/db";
import { actAs, makeUser, PASSWORD, pointAppAtRunDatabase, validAttestation } from "../support/editor";

pointAppAtRunDatabase();
const prisma = testPrisma();
afterAll(() => prisma.$disconnect());

let admin: Awaited<ReturnType<typeof makeUser>>;
beforeAll(async () => {
  admin = await makeUser(prisma, { role: "admin", name: "Ada Admin" });
});

async function refused(p: Promise<unknown>): Promise<CommandError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CommandError);
  return err as CommandError;
}

const tokenOf = (path: string) => path.split("/").at(-1)!;

describe("revoking an editor", () => {
  it("ends their sessions at once: the next request is refused, even with an unexpired session", async () => {
    const editor = await makeUser(prisma);
    const issuer = await makeIssuer(prisma);
    const signedInAt = Date.now();
    actAs(editor, signedInAt);
    expect(await getCurrentUser()).toMatchObject({ id: editor.id, role: "editor" });
    await createAttestationDraft({ input: validAttestation(issuer.slug) });

    actAs(admin);
    await revokeUser(editor.id);

    actAs(editor, signedInAt); // the same session as before
    expect(await getCurrentUser()).toBeNull();
    const err = await refused(createAttestationDraft({ input: validAttestation(issuer.slug) }));
    expect(err.kind).toBe("unauthenticated");
    expect(await prisma.attestation.count({ where: { issuerId: issuer.id } })).toBe(1);
    // and they cannot sign in again
    await expect(signInWithPassword(editor.email, PASSWORD, "198.51.100.7")).rejects.toThrow(/disabled by an admin/);

    const audit = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: editor.id, action: "revoke" } });
    expect([audit.actorId, audit.actorLabel]).toEqual([admin.id, "Ada Admin"]);
  });

  it("restoring keeps the old sessions invalid; a new sign-in works", async () => {
    const editor = await makeUser(prisma);
    const oldSession = Date.now();
    actAs(admin);
    await revokeUser(editor.id);
    await restoreUser(editor.id);
    actAs(editor, oldSession);
    expect(await getCurrentUser()).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    actAs(editor, Date.now());
    expect(await getCurrentUser()).toMatchObject({ id: editor.id });
  });

  it("is for admins only, and never of oneself", async () => {
    const editor = await makeUser(prisma);
    const other = await makeUser(prisma);
    actAs(editor);
    expect((await refused(revokeUser(other.id))).kind).toBe("forbidden");
    actAs(admin);
    expect((await refused(revokeUser(admin.id))).message).toMatch(/cannot revoke your own account/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).disabledAt).toBeNull();
  });
});

describe("roles", () => {
  it("take effect on the next request, without signing in again", async () => {
    const editor = await makeUser(prisma);
    actAs(editor);
    await expect(requireRole("admin")).rejects.toMatchObject({ kind: "forbidden" });
    actAs(admin);
    await changeRole({ userId: editor.id, role: "admin" });
    actAs(editor);
    await expect(requireRole("admin")).resolves.toMatchObject({ id: editor.id, role: "admin" });
    const entry = await prisma.auditEntry.findFirstOrThrow({ where: { entityId: editor.id, action: "change_role" } });
    expect([entry.before, entry.after]).toEqual([{ role: "editor" }, { role: "admin" }]);
  });
});

describe("invites", () => {
  it("work once: the invitee sets a password, then signs in; a second use is refused", async () => {
    actAs(admin);
    const email = `${unique("invitee")}@example.org`;
    const invite = await createInvite({ email: email.toUpperCase(), role: "editor" });
    expect(invite.data.path).toMatch(/^\/editor\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(invite.data.path);
    // only the hash is stored, and the token appears in no audit entry
    const stored = await prisma.invite.findFirstOrThrow({ where: { email } });
    expect(stored.tokenHash).toBe(hashToken(token));
    const leaked = await sql(`SELECT count(*)::int AS n FROM audit_entry WHERE after::text LIKE $1 OR before::text LIKE $1`, [
      `%${token}%`,
    ]);
    expect(leaked.rows[0]).toEqual({ n: 0 });

    actAs(null); // the invitee has no session
    expect(await inviteStatus(token)).toMatchObject({ ok: true, email, role: "editor" });
    await acceptInvite({ token, displayName: "Ivy Invitee", password: PASSWORD, passwordAgain: PASSWORD });
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect([user.role, user.displayName]).toEqual(["editor", "Ivy Invitee"]);
    await expect(signInWithPassword(email, PASSWORD, "203.0.113.5")).resolves.toMatchObject({ id: user.id });

    const again = await refused(acceptInvite({ token, displayName: "Mallory", password: PASSWORD, passwordAgain: PASSWORD }));
    expect(again.message).toMatch(/already been used/);
    expect(await inviteStatus(token)).toMatchObject({ ok: false });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("let only one of two simultaneous uses through", async () => {
    actAs(admin);
    const email = `${unique("race")}@example.org`;
    const token = tokenOf((await createInvite({ email })).data.path);
    const results = await Promise.allSettled(
      ["A", "B"].map((n) => acceptInvite({ token, displayName: `Racer ${n}`, password: PASSWORD, passwordAgain: PASSWORD })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("expire, and can be withdrawn", async () => {
    actAs(admin);
    const expiring = tokenOf((await createInvite({ email: `${unique("late")}@example.org` })).data.path);
    await sql(`UPDATE invite SET created_at = now() - interval '4 days', expires_at = now() - interval '1 day' WHERE token_hash = $1`, [
      hashToken(expiring),
    ]);
    const expired = await refused(acceptInvite({ token: expiring, displayName: "Late", password: PASSWORD, passwordAgain: PASSWORD }));
    expect(expired.message).toMatch(/expired/);

    const withdrawnToken = tokenOf((await createInvite({ email: `${unique("withdrawn")}@example.org` })).data.path);
    const row = await prisma.invite.findFirstOrThrow({ where: { tokenHash: hashToken(withdrawnToken) } });
    await withdrawInvite(row.id);
    const withdrawn = await refused(acceptInvite({ token: withdrawnToken, displayName: "W", password: PASSWORD, passwordAgain: PASSWORD }));
    expect(withdrawn.message).toMatch(/withdrawn/);

    const unknown = await refused(acceptInvite({ token: "x".repeat(43), displayName: "U", password: PASSWORD, passwordAgain: PASSWORD }));
    expect(unknown.message).toMatch(/not valid/);
  });

  it("are created by admins only, never for an existing account, and ask for a long password", async () => {
    const editor = await makeUser(prisma);
    actAs(editor);
    expect((await refused(createInvite({ email: "someone@example.org" }))).kind).toBe("forbidden");
    actAs(admin);
    expect((await refused(createInvite({ email: editor.email }))).details.fieldErrors?.email).toEqual(["already has an account"]);
    const token = tokenOf((await createInvite({ email: `${unique("short")}@example.org` })).data.path);
    const short = await refused(acceptInvite({ token, displayName: "S", password: "short", passwordAgain: "short" }));
    expect(short.details.fieldErrors?.password).toEqual(["at least 12 characters"]);
  });
});

describe("the first admin", () => {
  it("is created by the create-admin command path, with an argon2id hash, once per email", async () => {
    const email = `${unique("first")}@example.org`;
    const created = await createAdmin(prisma, { email, displayName: "First Admin", password: PASSWORD });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user.role).toBe("admin");
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await expect(signInWithPassword(email, PASSWORD, null)).resolves.toMatchObject({ email });
    await expect(createAdmin(prisma, { email, displayName: "Again", password: PASSWORD })).rejects.toThrow(/already exists/);
  });
});

describe("sessions", () => {
  it("last 8 hours by default and carry only the user id and sign-in time", async () => {
    const options = authOptions();
    expect(options.session?.maxAge).toBe(8 * 3600);
    const token = await options.callbacks!.jwt!({
      token: { name: "x", email: "x@example.org" },
      user: { id: "u1" },
      account: { provider: "credentials", type: "credentials", providerAccountId: "u1" },
    } as never);
    expect(Object.keys(token).sort()).toEqual(["signedInAt", "sub", "uid"]);
  });

  it("are refused once expired", async () => {
    const secret = process.env.NEXTAUTH_SECRET!;
    const fresh = await encode({ token: { uid: "u1", signedInAt: Date.now() }, secret, maxAge: 60 });
    const stale = await encode({ token: { uid: "u1", signedInAt: Date.now() }, secret, maxAge: -60 });
    const read = (value: string) => getToken({ req: { headers: {}, cookies: { "next-auth.session-token": value } } as never, secret });
    expect(await read(fresh)).toMatchObject({ uid: "u1" });
    expect(await read(stale)).toBeNull();
  });
});

describe("GitHub sign-in", () => {
  it("maps to an existing, active account by a verified email only, and never creates one", async () => {
    const { verifiedGithubEmails, appUserForVerifiedEmails } = await import("@/lib/server/sign-in/github");
    const user = await makeUser(prisma);
    const revoked = await makeUser(prisma, { disabled: true });
    const emails = [
      { email: user.email.toUpperCase(), verified: true, primary: false },
      { email: "unverified-owner@example.org", verified: false, primary: true },
    ];
    const fakeGithub = (async () => new Response(JSON.stringify(emails), { status: 200 })) as typeof fetch;
    const verified = await verifiedGithubEmails("token", fakeGithub);
    expect(verified).toEqual([user.email]);

    const before = await prisma.user.count();
    expect(await appUserForVerifiedEmails(verified)).toMatchObject({ id: user.id });
    expect(await appUserForVerifiedEmails(["unverified-owner@example.org"].filter((e) => verified.includes(e)))).toBeNull();
    expect(await appUserForVerifiedEmails([`${unique("stranger")}@example.org`])).toBeNull();
    expect(await appUserForVerifiedEmails([revoked.email])).toBeNull();

    const signIn = authOptions().callbacks!.signIn!;
    const account = { provider: "github", type: "oauth", providerAccountId: "42" } as never;
    expect(await signIn({ user: { id: "42", verifiedEmails: [user.email] }, account } as never)).toBe(true);
    expect(await signIn({ user: { id: "43", verifiedEmails: [`${unique("nobody")}@example.org`] }, account } as never)).toMatch(
      /^\/editor\/sign-in\?error=No%20editor%20account/,
    );
    expect(await prisma.user.count()).toBe(before);
  });
});
