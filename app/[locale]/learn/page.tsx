import type { Metadata } from "next";

import { currentLocale } from "@/lib/i18n/server";
import { learnIndex, learnPages } from "@/lib/server/learn/content";
import { Link } from "@/components/i18n/link";

export async function generateMetadata(): Promise<Metadata> {
  const index = await learnIndex(await currentLocale());
  return { title: index.title, description: index.intro };
}

export default async function LearnIndexPage() {
  const locale = await currentLocale();
  const [index, pages] = await Promise.all([learnIndex(locale), learnPages(locale)]);
  return (
    <>
      <header className="page-head">
        <h1>{index.title}</h1>
        <p className="lede">{index.intro}</p>
      </header>
      <ol className="learn-list" data-testid="learn-guides">
        {pages.map((p) => (
          <li key={p.slug}>
            <h2>
              <Link href={`/learn/${p.slug}`}>{p.title}</Link>
            </h2>
            <p>{p.summary}</p>
          </li>
        ))}
      </ol>
      <section className="learn-tools">
        <div>
          <h2>
            <Link href="/learn/checklist">{index.checklistTitle}</Link>
          </h2>
          <p>{index.checklistIntro}</p>
        </div>
        <div>
          <h2>
            <Link href="/learn/glossary">{index.glossaryTitle}</Link>
          </h2>
          <p>{index.glossaryIntro}</p>
        </div>
      </section>
    </>
  );
}
