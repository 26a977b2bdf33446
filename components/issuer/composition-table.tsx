import type { CompositionChange, CompositionShares } from "@/lib/domain/metrics/composition";
import { formatPct } from "@/lib/domain/precision";
import { CATEGORY_LABELS } from "@/lib/domain/taxonomy";
import { Pct } from "@/components/ui/measured";
import { shortUsd } from "@/components/ui/money";
import { Swatch } from "@/components/ui/swatch";
import { formatUsdCompact, type Bound } from "@/lib/domain/precision";

function signedUsd(value: string, bound: Bound): string {
  const text = shortUsd(value, bound);
  return value.startsWith("-") ? text : text.replace("$", "+$");
}

/**
 * The latest composition by category, with the two kinds of unknown kept
 * apart: the issuer's own "other / undisclosed" line, and what our captured
 * lines do not reach ("not captured by us").
 */
export function CompositionTable({ shares, change }: { shares: CompositionShares; change: CompositionChange | null }) {
  const changeFor = (category: string) => change?.changes.find((c) => c.category === category) ?? null;
  return (
    <div className="table-scroll">
      <table>
        <caption className="skip">Reserve composition as of {shares.asOf}</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col" className="num">Amount</th>
            <th scope="col" className="num">Share of reserves</th>
            <th scope="col" className="num">Change since previous report</th>
          </tr>
        </thead>
        <tbody>
          {shares.categories.map((c) => {
            const ch = changeFor(c.category);
            return (
              <tr key={c.category} className={c.category === "other_undisclosed" ? "undisclosed" : undefined}>
                <th scope="row">
                  <Swatch category={c.category} />
                  {CATEGORY_LABELS[c.category]}
                  {c.category === "other_undisclosed" && <div className="sub">the issuer&apos;s own catch-all line</div>}
                </th>
                <td className="num">
                  {c.amountUsd.value !== null ? (
                    formatUsdCompact(c.amountUsd.value, c.amountUsd.bound === "exact" ? "exact" : c.amountUsd.bound)
                  ) : (
                    <span className="sub">share only</span>
                  )}
                </td>
                <td className="num">
                  <Pct value={c.sharePct} />
                </td>
                <td className="num">
                  {ch ? (
                    <>
                      <span title="change in percentage points of reserves">{formatPct(ch.ppChange, 1, { unit: " pp", signed: true })}</span>
                      {ch.usdChange.value !== null && (
                        <div className="sub">{signedUsd(ch.usdChange.value, ch.usdChange.bound)}</div>
                      )}
                    </>
                  ) : (
                    <span className="sub">n/a</span>
                  )}
                </td>
              </tr>
            );
          })}
          {shares.notCapturedPct.value !== null && Number(shares.notCapturedPct.value) > 0 && (
            <tr className="not-captured">
              <th scope="row">
                <Swatch category="not_captured" />
                Not captured by us
                <div className="sub">reserves our recorded lines do not account for (our gap, not the issuer&apos;s)</div>
              </th>
              <td className="num">
                {shares.notCapturedUsd.value !== null ? formatUsdCompact(shares.notCapturedUsd.value, shares.notCapturedUsd.bound) : ""}
              </td>
              <td className="num">
                <Pct value={shares.notCapturedPct} />
              </td>
              <td />
            </tr>
          )}
        </tbody>
      </table>
      <p className="sub table-note">
        {shares.reconciliation.reason}.
        {change?.previousAsOf && <> Changes are against the report as of {change.previousAsOf}.</>}
        {change?.note && <> Note: {change.note}.</>}
      </p>
    </div>
  );
}
