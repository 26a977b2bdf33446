import type { Metadata } from "next";

import { currentLocale } from "@/lib/i18n/server";
import { glossary, learnIndex } from "@/lib/server/learn/content";
import { Link } from "@/components/i18n/link";

export async function generateMetadata(): Promise<Metadata> {
  const index = await learnIndex(await currentLocale());
  return { title: index.glossaryTitle, description: index.glossaryIntro };
}

export default async function GlossaryPage() {
  const locale = await currentLocale();
  const [index, terms] = await Promise.all([learnIndex(locale), glossary(locale)]);
  const sorted = Object.entries(terms).sort(([, a], [, b]) => a.term.localeCompare(b.term, locale));
  return (
    <>
      <nav className="breadcrumb" aria-label={index.title}>
        <Link href="/learn">{index.title}</Link>
      </nav>
      <header className="page-head">
        <h1>{index.glossaryTitle}</h1>
        <p className="lede">{index.glossaryIntro}</p>
      </header>
      <dl className="glossary" data-testid="glossary">
        {sorted.map(([key, entry]) => (
          <div key={key} id={`term-${key}`}>
            <dt>{entry.term}</dt>
            <dd>{entry.definition}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
