import { GLOSSARIES } from "@/lib/i18n/glossary";
import { currentLocale } from "@/lib/i18n/server";

import { Term } from "./term";

/** An interface word with its glossary definition in the page's language: <GlossaryTerm id="attestation">Attestation</GlossaryTerm>. */
export async function GlossaryTerm({ id, children }: { id: string; children?: React.ReactNode }) {
  const entries = GLOSSARIES[await currentLocale()];
  const entry = entries[id];
  if (!entry) throw new Error(`Glossary has no term "${id}" (content/glossary/*.json)`);
  return (
    <Term id={id} term={entry.term} definition={entry.definition}>
      {children ?? entry.term}
    </Term>
  );
}
