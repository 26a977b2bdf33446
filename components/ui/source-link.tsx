import { getTranslations } from "next-intl/server";

import type { AttestationData } from "@/lib/domain/types";
import { taxonomyLabels } from "@/lib/i18n/labels";

/** The page a report's figures were read from, with what kind of page it is. */
export async function SourceLink({
  attestation,
  label,
}: {
  attestation: Pick<AttestationData, "reportUrl" | "sourceUrl" | "sourceKind">;
  label?: string;
}) {
  const [t, common, L] = await Promise.all([getTranslations("issuer.sourceLink"), getTranslations("common"), taxonomyLabels()]);
  const href = attestation.sourceUrl ?? attestation.reportUrl;
  if (!href) return <span className="sub">{t("none")}</span>;
  const kind = L.sourceKind(attestation.sourceKind);
  return (
    <span className="source">
      <a href={href} rel="noopener noreferrer nofollow">
        {label ?? common("source")}
      </a>{" "}
      <span className={`badge kind-${attestation.sourceKind}`} title={t("readFrom", { kind })}>
        {t(`badge.${attestation.sourceKind}`)}
      </span>
      {attestation.reportUrl && attestation.reportUrl !== href && (
        <>
          {" "}
          <a href={attestation.reportUrl} rel="noopener noreferrer nofollow">
            {t("report")}
          </a>
        </>
      )}
    </span>
  );
}
