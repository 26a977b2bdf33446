import type { AttestationData } from "@/lib/domain/types";
import type { CoverageResult } from "@/lib/domain/metrics/coverage";
import type { PublicationLag } from "@/lib/domain/metrics/cadence";
import { ASSURANCE_LABELS, REPORT_TYPE_LABELS, SCOPE_LABELS } from "@/lib/domain/taxonomy";
import { Pct } from "@/components/ui/measured";
import { SourceLink } from "@/components/ui/source-link";

/** The cells every list of reports shares, so the issuer page and /attestations say the same thing the same way. */
export function PublishedCells({ attestation: a, lag }: { attestation: AttestationData; lag: PublicationLag | null }) {
  return (
    <>
      <td>{a.publishedOn ?? <span className="sub">unknown</span>}</td>
      <td className="num">{lag ? <span title={lag.note ?? undefined}>{lag.days}</span> : <span className="sub">n/a</span>}</td>
      <td>
        {REPORT_TYPE_LABELS[a.reportType]}
        <div className="sub">
          {a.firm ?? "no firm named"} · {ASSURANCE_LABELS[a.assurance]}
          {a.scope !== "reserves_and_tokens" && <> · {SCOPE_LABELS[a.scope]}</>}
        </div>
      </td>
    </>
  );
}

export function CoverageAndSourceCells({ attestation: a, coverage }: { attestation: AttestationData; coverage: CoverageResult }) {
  return (
    <>
      <td className="num">
        <Pct value={coverage.coveragePct} />
        {coverage.onGroupTotals && <div className="sub">group totals</div>}
      </td>
      <td>
        <SourceLink attestation={a} />
      </td>
    </>
  );
}

