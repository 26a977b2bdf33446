import { getTranslations } from "next-intl/server";

import { currentLocale } from "@/lib/i18n/server";
import { comparisonRows } from "@/lib/server/queries/comparison";

/** Choose an issuer: a plain GET form (works without JavaScript), answered by ./pick/route.ts. */
export async function ChecklistPicker({ selected }: { selected?: string }) {
  const [locale, t, tc, { rows }] = await Promise.all([
    currentLocale(),
    getTranslations("learn.checklist"),
    getTranslations("common"),
    comparisonRows(),
  ]);
  return (
    <form method="get" action={`/${locale}/learn/checklist/pick`} className="checklist-picker" data-testid="checklist-picker">
      <label htmlFor="checklist-issuer">{t("pickLabel")}</label>{" "}
      <select id="checklist-issuer" name="issuer" defaultValue={selected ?? ""} required>
        <option value="" disabled>
          {t("pickPlaceholder")}
        </option>
        {rows.map((r) => (
          <option key={r.issuer.slug} value={r.issuer.slug}>
            {r.issuer.isDemo ? `${r.issuer.name} · ${tc("demo")}` : r.issuer.name}
          </option>
        ))}
      </select>{" "}
      <button type="submit">{t("pickSubmit")}</button>
    </form>
  );
}
