import { getTranslations } from "next-intl/server";

import type { DatasetNotice as Notice } from "@/lib/domain/views/dataset";
import { formatDay } from "@/lib/i18n/dates";
import { currentLocale } from "@/lib/i18n/server";

/** In every page's footer: which edition of the public-reports pack the real issuers' figures come from. */
export async function PackEditionNote({ notice }: { notice: Notice }) {
  const { real, pack } = notice;
  if (!real || !pack?.number || !pack.compiled) return null;
  const t = await getTranslations("about.notice");
  const locale = await currentLocale();
  return (
    <p className="pack-edition" data-testid="pack-edition">
      {t("packEdition", { edition: pack.number, compiled: formatDay(pack.compiled, locale) })}
    </p>
  );
}
