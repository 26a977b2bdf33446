import type { Metadata } from "next";

import { inviteStatus } from "@/lib/server/commands/users";
import { AcceptInviteForm } from "@/components/editor/accept-invite-form";
import { FormMessage } from "@/components/editor/ui";

import { acceptInviteAction } from "./actions";

export const metadata: Metadata = { title: "Accept your invite", referrer: "no-referrer" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const status = await inviteStatus(token);
  return (
    <section className="narrow">
      <h1>Join the editors</h1>
      {status.ok ? (
        <>
          <p className="lede">
            You were invited as {status.role === "admin" ? "an admin" : "an editor"}. Choose your name and a password. This link works once
            and until {status.expiresAt.slice(0, 16).replace("T", " ")} UTC.
          </p>
          <AcceptInviteForm token={token} email={status.email} action={acceptInviteAction} />
        </>
      ) : (
        <FormMessage kind="error" testId="invite-invalid">
          {status.message}
        </FormMessage>
      )}
    </section>
  );
}
