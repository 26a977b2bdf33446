import { getTranslations } from "next-intl/server";

import type { Measured } from "@/lib/domain/precision";
import { numberFormatters } from "@/lib/i18n/format";

/**
 * A computed percentage with its bound symbol and, on hover or focus, why. `reasonShown`: the
 * reason is already printed beside the figure (a table's notes column), so the title names only
 * the kind of bound.
 */
export async function Pct({ value, digits = 1, reasonShown = false }: { value: Measured | null; digits?: number; reasonShown?: boolean }) {
  const [t, f] = await Promise.all([getTranslations("issuer.measure"), numberFormatters()]);
  if (!value || value.value === null) {
    return (
      <span className="sub" title={value?.reason}>
        {t("na")}
      </span>
    );
  }
  const note = [t(`bound.${value.bound}`), reasonShown ? null : value.reason].filter(Boolean).join(": ");
  return (
    <span title={note} data-bound={value.bound}>
      {f.pct(value, digits)}
    </span>
  );
}
