import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { getChangelog } from "@/lib/server/queries/changelog";
import { issuerStaticParams } from "@/lib/server/queries/issuer";
import { getIssuerPage } from "@/lib/server/queries/issuer-page";
import { ChangelogList } from "@/components/changelog/changelog-list";
import { Link } from "@/components/i18n/link";

type Props = { params: Promise<{ slug: string }> };

export const generateStaticParams = issuerStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [model, t] = await Promise.all([getIssuerPage(slug), getTranslations("issuer")]);
  return { title: model ? t("changelog.title", { name: model.issuer.name }) : t("meta.notFound") };
}

export default async function IssuerChangelogPage({ params }: Props) {
  const { slug } = await params;
  const model = await getIssuerPage(slug);
  if (!model) notFound();
  const [{ items }, t] = await Promise.all([getChangelog(slug), getTranslations("issuer.changelog")]);
  return (
    <>
      <h1>{t("title", { name: model.issuer.name })}</h1>
      <p className="lede">{t.rich("lede", { back: (chunks) => <Link href={`/issuers/${slug}`}>{chunks}</Link> })}</p>
      <ChangelogList items={items} showIssuer={false} />
    </>
  );
}
