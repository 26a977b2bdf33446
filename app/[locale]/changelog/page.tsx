import type { Metadata } from "next";
import { getChangelog } from "@/lib/server/queries/changelog";
import { ChangelogList } from "@/components/changelog/changelog-list";

export const metadata: Metadata = {
  title: "Changelog",
  description: "Every report published, corrected or retracted, and every stress event recorded, with its date, reason and editor.",
};

export default async function ChangelogPage() {
  const { items, truncated } = await getChangelog();
  return (
    <>
      <h1>Changelog</h1>
      <p className="lede">
        Every report published, corrected or retracted, and every stress event recorded, newest first, built from the
        audit log the database keeps append-only. Editors appear by their public display name.
        {truncated && " The most recent changes are listed; each issuer's changelog has the rest."}
      </p>
      <ChangelogList items={items} showIssuer />
    </>
  );
}
