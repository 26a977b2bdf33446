import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { Link } from "@/components/i18n/link";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("about");
  return { title: t("meta.title"), description: t("meta.description") };
}

export default async function AboutPage() {
  const t = await getTranslations("about");
  return (
    <article className="prose">
      <h1>{t("title")}</h1>
      <p>{t("what")}</p>
      <p>{t.rich("describes", { link: (chunks) => <Link href="/methodology">{chunks}</Link> })}</p>
      <p>{t("corrections")}</p>
    </article>
  );
}
