import "server-only";

import { getTranslations } from "next-intl/server";

import type { Bound } from "@/lib/domain/precision";
import type {
  Assurance,
  BackingModel,
  Cadence,
  IssuerStatus,
  Precision,
  ReportScope,
  ReportType,
  ReserveCategory,
  SourceKind,
  StressKind,
} from "@/lib/domain/taxonomy";

/**
 * The taxonomy's words in the page's language (messages/<locale>/taxonomy.json).
 * Codes stay English everywhere they are data (CSV, API, URLs); only what a
 * reader sees is translated.
 */
export async function taxonomyLabels() {
  const t = await getTranslations("taxonomy");
  return {
    category: (c: ReserveCategory | "not_captured") => (c === "not_captured" ? t("notCaptured") : t(`category.${c}`)),
    backingModel: (m: BackingModel) => t(`backingModel.${m}`),
    issuerStatus: (s: IssuerStatus) => t(`issuerStatus.${s}`),
    cadence: (c: Cadence) => t(`cadence.${c}`),
    reportType: (r: ReportType) => t(`reportType.${r}`),
    assurance: (a: Assurance) => t(`assurance.${a}`),
    scope: (s: ReportScope) => t(`scope.${s}`),
    sourceKind: (k: SourceKind) => t(`sourceKind.${k}`),
    stressKind: (k: StressKind) => t(`stressKind.${k}`),
    precision: (p: Precision) => t(`precision.${p}`),
    bound: (b: Bound) => t(`bound.${b}`),
  };
}
export type TaxonomyLabels = Awaited<ReturnType<typeof taxonomyLabels>>;
