import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { Suspense } from "react";
import { getIssuerPage, type IssuerPageModel } from "@/lib/server/queries/issuer-page";
import { issuerSlugs } from "@/lib/server/queries/issuer";
import { BACKING_MODEL_LABELS, CADENCE_LABELS, ISSUER_STATUS_LABELS } from "@/lib/domain/taxonomy";
import { formatAsOf } from "@/lib/domain/dates";
import { Usd } from "@/components/ui/money";
import { Pct } from "@/components/ui/measured";
import { SourceLink } from "@/components/ui/source-link";
import { CompareCharts } from "@/components/compare/compare-charts";

export const metadata: Metadata = {
  title: "Compare issuers",
  description: "Two to four dollar stablecoin issuers side by side: coverage, composition, reporting cadence and stress history on shared scales.",
};

type Props = { searchParams: Promise<{ issuers?: string | string[] }> };

function Row({ label, models, cell }: { label: string; models: IssuerPageModel[]; cell: (m: IssuerPageModel) => React.ReactNode }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {models.map((m) => (
        <td key={m.issuer.slug}>{cell(m)}</td>
      ))}
    </tr>
  );
}

async function Comparison({ searchParams }: Props) {
  const raw = (await searchParams).issuers;
  const wanted = [...new Set((Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((s) => s.trim()).filter(Boolean))];
  const known = new Set(await issuerSlugs());
  const slugs = wanted.filter((s) => known.has(s)).slice(0, 4);
  const unknown = wanted.filter((s) => !known.has(s));
  if (slugs.length < 2) {
    return (
      <div role="status">
        <p>
          Choose two to four issuers to compare: tick them in the <Link href="/">comparison table</Link>, or add their
          names to the address, for example <code>/compare?issuers=first-issuer,second-issuer</code>.
        </p>
        {unknown.length > 0 && <p>Not found: {unknown.join(", ")}.</p>}
      </div>
    );
  }
  const models = (await Promise.all(slugs.map((s) => getIssuerPage(s)))).filter((m): m is IssuerPageModel => m !== null);
  return (
    <>
      {unknown.length > 0 && <p role="status">Not found and left out: {unknown.join(", ")}.</p>}
      {wanted.length > 4 && <p role="status">Only the first four issuers are compared.</p>}
      <div className="table-scroll">
        <table className="compare">
          <caption className="skip">Key figures side by side</caption>
          <thead>
            <tr>
              <td />
              {models.map((m) => (
                <th scope="col" key={m.issuer.slug}>
                  <Link href={`/issuers/${m.issuer.slug}`}>{m.issuer.name}</Link>{" "}
                  {m.issuer.isDemo && <span className="badge demo">demo</span>}
                  <div className="sub">{m.issuer.tokenSymbols.join(", ")}</div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <Row label="Backing model" models={models} cell={(m) => BACKING_MODEL_LABELS[m.issuer.backingModel]} />
            <Row label="Status" models={models} cell={(m) => ISSUER_STATUS_LABELS[m.issuer.status]} />
            <Row label="Latest as-of date" models={models} cell={(m) => (m.latest ? formatAsOf(m.latest.asOf, m.latest.asOfPrecision) : "none")} />
            <Row
              label="Coverage"
              models={models}
              cell={(m) => (
                <>
                  <Pct value={m.latestCoverage?.coveragePct ?? null} />
                  {m.latestCoverage?.onGroupTotals && <div className="sub">group totals</div>}
                </>
              )}
            />
            <Row label="Total reserves" models={models} cell={(m) => <Usd figure={m.latest?.totalReserves ?? null} />} />
            <Row label="Tokens outstanding" models={models} cell={(m) => <Usd figure={m.latest?.tokensOutstanding ?? null} />} />
            <Row label="Other / undisclosed" models={models} cell={(m) => <Pct value={m.latestComposition?.otherUndisclosedPct ?? null} />} />
            <Row label="Declared cadence" models={models} cell={(m) => CADENCE_LABELS[m.issuer.declaredCadence]} />
            <Row label="Median publication lag" models={models} cell={(m) => (m.cadence.medianLagDays !== null ? `${m.cadence.medianLagDays} days` : "unknown")} />
            <Row label="Reporting status" models={models} cell={(m) => m.cadence.overdue.status.replace("_", " ")} />
            <Row label="Stress events" models={models} cell={(m) => m.stressEvents.length} />
            <Row label="Latest source" models={models} cell={(m) => (m.latest ? <SourceLink attestation={m.latest} /> : "none")} />
          </tbody>
        </table>
      </div>
      <CompareCharts slugs={models.map((m) => m.issuer.slug)} />
    </>
  );
}

export default function ComparePage(props: Props) {
  return (
    <>
      <h1>Compare issuers</h1>
      <p className="lede">Side by side, on shared scales. Every figure links back to its report on the issuer&apos;s page.</p>
      <Suspense fallback={<p aria-busy="true">Loading the comparison…</p>}>
        <Comparison {...props} />
      </Suspense>
    </>
  );
}
