import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { Suspense } from "react";

import { currentLocale } from "@/lib/i18n/server";
import { alertChannels } from "@/lib/server/alerts/subscriptions";
import { followErrorOf, FollowForm, FollowState } from "@/components/follow/follow-form";

// Follow every issuer (the comparison table links here): the form in the static shell, the
// request's own state in an island, like the issuer's follow page.

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("follow");
  return { title: t("meta.titleAll"), robots: { index: false, follow: false } };
}

async function State({ searchParams }: Props) {
  await connection();
  return <FollowState channels={alertChannels()} error={followErrorOf(await searchParams)} />;
}

export default async function FollowAllPage({ searchParams }: Props) {
  const [locale, t] = await Promise.all([currentLocale(), getTranslations("follow")]);
  return (
    <>
      <h1>{t("titleAll")}</h1>
      <p className="lede">{t("lede")}</p>
      <FollowForm
        locale={locale}
        issuer={null}
        returnPath={`/${locale}/follow`}
        state={
          <Suspense fallback={null}>
            <State searchParams={searchParams} />
          </Suspense>
        }
      />
    </>
  );
}
