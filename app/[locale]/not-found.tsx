import { getTranslations } from "next-intl/server";

import { Link } from "@/components/i18n/link";

export default async function NotFound() {
  const t = await getTranslations("layout");
  return (
    <section className="not-found">
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p>
        <Link href="/">{t("notFoundHome")}</Link>
      </p>
    </section>
  );
}
