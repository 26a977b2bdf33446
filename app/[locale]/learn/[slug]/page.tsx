import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { LEARN_SLUGS, type LearnSlug } from "@/lib/domain/views/learn";
import { currentLocale } from "@/lib/i18n/server";
import { glossary, learnPage, learnPages } from "@/lib/server/learn/content";
import { learnLiveData } from "@/lib/server/queries/learn";
import { Link } from "@/components/i18n/link";
import { LearnMarkdown } from "@/components/learn/learn-markdown";

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return LEARN_SLUGS.map((slug) => ({ slug }));
}

const isSlug = (s: string): s is LearnSlug => (LEARN_SLUGS as readonly string[]).includes(s);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  if (!isSlug(slug)) return {};
  const page = await learnPage(await currentLocale(), slug);
  return { title: page.title, description: page.summary };
}

export default async function LearnGuidePage({ params }: Props) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const locale = await currentLocale();
  const [page, pages, terms, t, live] = await Promise.all([
    learnPage(locale, slug),
    learnPages(locale),
    glossary(locale),
    getTranslations("learn"),
    learnLiveData(),
  ]);
  const at = LEARN_SLUGS.indexOf(slug);
  const prev = at > 0 ? pages[at - 1] : undefined;
  const next = at < pages.length - 1 ? pages[at + 1] : undefined;
  return (
    <article className="learn-guide" data-testid="learn-guide">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href="/learn">{t("title")}</Link>
      </nav>
      <header className="page-head">
        <h1>{page.title}</h1>
        <p className="lede">{page.summary}</p>
      </header>
      <LearnMarkdown source={page.body} locale={locale} terms={terms} live={live} />
      <nav className="learn-pager" aria-label={t("pager")}>
        {prev && (
          <Link href={`/learn/${prev.slug}`} rel="prev">
            ← {prev.title}
          </Link>
        )}
        {next && (
          <Link href={`/learn/${next.slug}`} rel="next">
            {next.title} →
          </Link>
        )}
      </nav>
      <p className="sub">{t("neutral")}</p>
    </article>
  );
}
