import type { Metadata } from "next";

import { editorPageUser } from "@/lib/server/editor-page";
import { editorAccounts } from "@/lib/server/queries/editor/users";
import { InviteForm, SmallAction } from "@/components/editor/users-admin";

import { changeRoleAction, inviteAction, restoreUserAction, revokeUserAction, withdrawInviteAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await editorPageUser();
  if (me.role !== "admin") {
    return (
      <>
        <h1>Users</h1>
        <p className="form-message error">Only admins manage accounts.</p>
      </>
    );
  }
  const { users, invites } = await editorAccounts();
  return (
    <>
      <h1>Users</h1>
      <section aria-labelledby="invite-h">
        <h2 id="invite-h">Invite an editor</h2>
        <p className="sub">No mail is sent: you get a one-time link to pass on. It expires after 72 hours.</p>
        <InviteForm action={inviteAction} />
      </section>
      <section aria-labelledby="accounts-h">
        <h2 id="accounts-h">Accounts</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid="user-row">
                  <th scope="row">{u.displayName}</th>
                  <td>{u.email}</td>
                  <td>
                    {u.id === me.id ? (
                      <span className="badge">{u.role} (you)</span>
                    ) : (
                      <SmallAction
                        action={changeRoleAction}
                        fields={{ userId: u.id, role: u.role === "admin" ? "editor" : "admin" }}
                        label={u.role === "admin" ? "Make editor" : "Make admin"}
                      >
                        <span className="badge">{u.role}</span>{" "}
                      </SmallAction>
                    )}
                  </td>
                  <td>
                    {u.id === me.id ? null : u.disabledAt ? (
                      <SmallAction action={restoreUserAction} fields={{ userId: u.id }} label="Restore">
                        <span className="badge bad">revoked {u.disabledAt.slice(0, 10)}</span>{" "}
                      </SmallAction>
                    ) : (
                      <SmallAction action={revokeUserAction} fields={{ userId: u.id }} label="Revoke now" danger />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="invites-h">
        <h2 id="invites-h">Open invites</h2>
        {invites.length === 0 ? (
          <p className="sub">None.</p>
        ) : (
          <ul className="plain">
            {invites.map((i) => (
              <li key={i.id}>
                {i.email} as {i.role}, by {i.by}, until {i.expiresAt.slice(0, 16).replace("T", " ")} UTC{" "}
                <SmallAction action={withdrawInviteAction} fields={{ inviteId: i.id }} label="Withdraw" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
