// The eligibility result's explanation in the reader's language, rebuilt from
// its parts (lib/domain/metrics/eligibility.ts EligibilityWhy); the domain's own
// English sentence stays for the API. tests/unit/issuer-sentences.test.ts keeps
// the English catalogue saying exactly what the domain says.
import type { EligibilityWhy } from "@/lib/domain/metrics/eligibility";
import { localizeDigits, type NumberLocale } from "@/lib/i18n/numbers";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** t: bound to issuer.eligibilityReason. */
export function eligibilityReason(why: EligibilityWhy, t: Translate, locale: NumberLocale): string {
  if (why.kind === "no_composition") return t("noComposition");
  if (why.kind === "no_line_assessable") return t("noLineAssessable");
  return [
    why.unassessedPct !== null && why.upperPct !== null
      ? t("unassessed", { points: localizeDigits(why.unassessedPct, locale, false), upper: localizeDigits(why.upperPct, locale, false) })
      : t("allAssessed"),
    why.overfull ? t("overfull") : "",
    t("otherNotEligible"),
  ]
    .filter(Boolean)
    .join(" ");
}
