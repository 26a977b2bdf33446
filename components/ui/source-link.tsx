import type { AttestationData } from "@/lib/domain/types";
import { SOURCE_KIND_LABELS } from "@/lib/domain/taxonomy";

/** The page a report's figures were read from, with what kind of page it is. */
export function SourceLink({ attestation, label }: { attestation: Pick<AttestationData, "reportUrl" | "sourceUrl" | "sourceKind">; label?: string }) {
  const href = attestation.sourceUrl ?? attestation.reportUrl;
  if (!href) return <span className="sub">no source link</span>;
  const kind = SOURCE_KIND_LABELS[attestation.sourceKind];
  return (
    <span className="source">
      <a href={href} rel="noopener noreferrer nofollow">
        {label ?? "source"}
      </a>{" "}
      <span className={`badge kind-${attestation.sourceKind}`} title={`Figures read from: ${kind}`}>
        {attestation.sourceKind === "primary" ? "report" : attestation.sourceKind}
      </span>
      {attestation.reportUrl && attestation.reportUrl !== href && (
        <>
          {" "}
          <a href={attestation.reportUrl} rel="noopener noreferrer nofollow">
            report
          </a>
        </>
      )}
    </span>
  );
}
