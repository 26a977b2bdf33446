import { getTranslations } from "next-intl/server";

import type { PublicationLag } from "@/lib/domain/metrics/cadence";
import type { CoverageResult } from "@/lib/domain/metrics/coverage";
import type { AttestationData } from "@/lib/domain/types";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { currentLocale } from "@/lib/i18n/server";
import { DateText } from "@/components/ui/date-text";
import { Pct } from "@/components/ui/measured";
import { SourceLink } from "@/components/ui/source-link";

import { lagNote } from "./sentences";

/** The cells every list of reports shares, so the issuer page and /attestations say the same thing the same way. */
export async function PublishedCells({ attestation: a, lag }: { attestation: AttestationData; lag: PublicationLag | null }) {
  const [t, L, locale] = await Promise.all([getTranslations("issuer.reports"), taxonomyLabels(), currentLocale()]);
  return (
    <>
      <td>{a.publishedOn !== null ? <DateText iso={a.publishedOn} locale={locale} /> : <span className="sub">{t("unknown")}</span>}</td>
      <td className="num">{lag ? <span title={lagNote(lag, t)}>{lag.days}</span> : <span className="sub">{t("na")}</span>}</td>
      <td>
        {L.reportType(a.reportType)}
        <div className="sub">
          {a.firm ?? t("noFirm")} · {L.assurance(a.assurance)}
          {a.scope !== "reserves_and_tokens" && <> · {L.scope(a.scope)}</>}
        </div>
      </td>
    </>
  );
}

export async function CoverageAndSourceCells({ attestation: a, coverage }: { attestation: AttestationData; coverage: CoverageResult }) {
  const t = await getTranslations("issuer.reports");
  return (
    <>
      <td className="num">
        <Pct value={coverage.coveragePct} />
        {coverage.onGroupTotals && <div className="sub">{t("groupTotals")}</div>}
      </td>
      <td>
        <SourceLink attestation={a} />
      </td>
    </>
  );
}
