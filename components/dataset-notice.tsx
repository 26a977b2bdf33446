import { getTranslations } from "next-intl/server";
import { Link } from "@/components/i18n/link";
import { datasetNotice } from "@/lib/server/queries/home";

/** On every page: what kind of data is loaded and how far to trust it. */
export async function DatasetNotice() {
  const { demo, real } = await datasetNotice();
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
