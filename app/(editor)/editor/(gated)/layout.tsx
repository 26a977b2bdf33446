import Link from "next/link";

import { editorPageUser } from "@/lib/server/editor-page";
import { QueryProvider } from "@/components/editor/query-provider";
import { SignOutButton } from "@/components/editor/sign-out-button";

export default async function GatedLayout({ children }: { children: React.ReactNode }) {
  const user = await editorPageUser();
  return (
    <>
      <nav className="editor-nav" aria-label="Editor">
        <Link href="/editor">Dashboard</Link>
        <Link href="/editor/issuers">Issuers</Link>
        <Link href="/editor/import">Bulk import</Link>
        <Link href="/editor/suggestions">Suggestions</Link>
        <Link href="/editor/stress">Stress drafts</Link>
        <Link href="/editor/alerts">Alerts</Link>
        <Link href="/editor/audit">Audit log</Link>
        {user.role === "admin" && <Link href="/editor/users">Users</Link>}
        {user.role === "admin" && <Link href="/editor/jobs">Jobs</Link>}
        <span className="who" data-testid="signed-in-as">
          {user.displayName} <span className="badge">{user.role}</span>
        </span>
        <SignOutButton />
      </nav>
      <QueryProvider>{children}</QueryProvider>
    </>
  );
}
