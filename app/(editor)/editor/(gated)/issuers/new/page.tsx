import type { Metadata } from "next";

import { editorPageUser } from "@/lib/server/editor-page";
import { IssuerForm } from "@/components/editor/issuer/issuer-form";
import { blankIssuerInput } from "@/components/editor/issuer/issuer-state";

export const metadata: Metadata = { title: "New issuer" };

export default async function NewIssuerPage() {
  await editorPageUser();
  return (
    <>
      <h1>New issuer</h1>
      <IssuerForm id={null} version={null} initial={blankIssuerInput()} />
    </>
  );
}
