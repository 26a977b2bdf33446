import fs from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { cacheLife } from "next/cache";
import { Markdown } from "@/components/ui/markdown";

export const metadata: Metadata = {
  title: "Where the figures come from",
  description: "The public-reports pack: how the real issuers' figures were compiled, with every column, convention, conflict and gap.",
};

async function packReadme(): Promise<string> {
  "use cache";
  cacheLife("max");
  return fs.readFile(path.join(process.cwd(), "data", "public-reports", "README.md"), "utf8");
}

export default async function SourcesPage() {
  const readme = await packReadme();
  return (
    <>
      <p className="lede">
        The real issuers shown on this site were loaded from the public-reports pack that ships with the project
        (<code>data/public-reports/</code>). Its documentation follows, unchanged.
      </p>
      <Markdown source={readme} />
    </>
  );
}
