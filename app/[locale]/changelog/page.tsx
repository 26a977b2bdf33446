import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { getChangelog } from "@/lib/server/queries/changelog";
import { ChangelogList } from "@/components/changelog/changelog-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("changelog");
  return { title: t("meta.title"), description: t("meta.description") };
}

export default async function ChangelogPage() {
  const { items, truncated } = await getChangelog();
  const t = await getTranslations("changelog");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lede">
        {t("lede")}
        {truncated && ` ${t("truncated")}`}
      </p>
      <ChangelogList items={items} showIssuer />
    </>
  );
}
