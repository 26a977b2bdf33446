import { getTranslations } from "next-intl/server";

import type { Measured } from "@/lib/domain/precision";
import { numberFormatters } from "@/lib/i18n/format";

/** A computed percentage with its bound symbol and, on hover or focus, why. */
export async function Pct({ value, digits = 1 }: { value: Measured | null; digits?: number }) {
  const [t, f] = await Promise.all([getTranslations("issuer.measure"), numberFormatters()]);
  if (!value || value.value === null) {
    return (
      <span className="sub" title={value?.reason}>
        {t("na")}
      </span>
    );
  }
  const note = [t(`bound.${value.bound}`), value.reason].filter(Boolean).join(": ");
  return (
    <span title={note} data-bound={value.bound}>
      {f.pct(value, digits)}
    </span>
  );
}
