import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";

import { currentLocale } from "@/lib/i18n/server";
import { alertChannels } from "@/lib/server/alerts/subscriptions";
import { issuerStaticParams } from "@/lib/server/queries/issuer";
import { getIssuerPage } from "@/lib/server/queries/issuer-page";
import { followErrorOf, FollowForm, FollowState } from "@/components/follow/follow-form";
import { Link } from "@/components/i18n/link";

// Follow one issuer. The form is in the page's static shell, so it works without
// JavaScript; only what depends on the request (a refused request's reasons, whether
// this server sends e-mail) is rendered per request, in a small island.

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const generateStaticParams = issuerStaticParams;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const [model, t] = await Promise.all([getIssuerPage(slug), getTranslations("follow")]);
  return { title: model ? t("meta.title", { name: model.issuer.name }) : t("meta.titleAll"), robots: { index: false, follow: false } };
}

async function State({ searchParams }: Pick<Props, "searchParams">) {
  await connection();
  return <FollowState channels={alertChannels()} error={followErrorOf(await searchParams)} />;
}

export default async function IssuerFollowPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const [model, locale, t] = await Promise.all([getIssuerPage(slug), currentLocale(), getTranslations("follow")]);
  if (!model) notFound();
  const issuer = { slug, name: model.issuer.name };
  return (
    <>
      <h1>{t("title", { name: issuer.name })}</h1>
      <p className="lede">{t("lede")}</p>
      <FollowForm
        locale={locale}
        issuer={issuer}
        returnPath={`/${locale}/issuers/${slug}/follow`}
        state={
          <Suspense fallback={null}>
            <State searchParams={searchParams} />
          </Suspense>
        }
      />
      <p>
        <Link href={`/issuers/${slug}`}>← {issuer.name}</Link>
      </p>
    </>
  );
}
