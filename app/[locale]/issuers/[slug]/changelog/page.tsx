import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getChangelog } from "@/lib/server/queries/changelog";
import { issuerSlugs } from "@/lib/server/queries/issuer";
import { getIssuerPage } from "@/lib/server/queries/issuer-page";
import { ChangelogList } from "@/components/changelog/changelog-list";

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  const slugs = await issuerSlugs();
  return slugs.length ? slugs.map((slug) => ({ slug })) : [{ slug: "__none__" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const model = await getIssuerPage(slug);
  return { title: model ? `${model.issuer.name}: changelog` : "Issuer not found" };
}

export default async function IssuerChangelogPage({ params }: Props) {
  const { slug } = await params;
  const model = await getIssuerPage(slug);
  if (!model) notFound();
  const { items } = await getChangelog(slug);
  return (
    <>
      <h1>{model.issuer.name}: changelog</h1>
      <p className="lede">
        Every report of this issuer published, corrected or retracted, and every stress event recorded, newest first.{" "}
        <Link href={`/issuers/${slug}`}>Back to the issuer</Link>
      </p>
      <ChangelogList items={items} showIssuer={false} />
    </>
  );
}
