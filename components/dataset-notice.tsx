import { getTranslations } from "next-intl/server";

import type { DatasetNotice as Notice } from "@/lib/domain/views/dataset";
import { Link } from "@/components/i18n/link";

/** On every page: what kind of data is loaded and how far to trust it. */
export async function DatasetNotice({ notice }: { notice: Notice }) {
  const { demo, real } = notice;
  if (!demo && !real) return null;
  const t = await getTranslations("about.notice");
  return (
    <div className="notice" role="note" data-testid="dataset-notice">
      <div className="wrap">
        {demo && <p data-testid="demo-notice">{t.rich("demo", { strong: (chunks) => <strong>{chunks}</strong> })}</p>}
        {real && (
          <p data-testid="sources-notice">
            {t("real")} <Link href="/sources">{t("realLink")}</Link>
          </p>
        )}
      </div>
    </div>
  );
}
