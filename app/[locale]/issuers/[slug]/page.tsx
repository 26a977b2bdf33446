import type { Metadata } from "next";
import { Link } from "@/components/i18n/link";
import { notFound } from "next/navigation";
import { getIssuerPage } from "@/lib/server/queries/issuer-page";
import { issuerSlugs } from "@/lib/server/queries/issuer";
import { IssuerFacts } from "@/components/issuer/issuer-facts";
import { KeyFigures } from "@/components/issuer/key-figures";
import { CompositionTable } from "@/components/issuer/composition-table";
import { EligibilityTable } from "@/components/issuer/eligibility-table";
import { AttestationTable } from "@/components/issuer/attestation-table";
import { StressTimeline } from "@/components/issuer/stress-timeline";
import { Evaluation } from "@/components/issuer/evaluation";
import { IssuerCharts } from "@/components/issuer/issuer-charts";
import { Markdown } from "@/components/ui/markdown";
import { IssuerDataLinks } from "@/components/issuer/issuer-data-links";

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  const slugs = await issuerSlugs();
  // Cache Components needs at least one param; an empty database gets a placeholder that 404s.
  return slugs.length ? slugs.map((slug) => ({ slug })) : [{ slug: "__none__" }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const model = await getIssuerPage(slug);
  if (!model) return { title: "Issuer not found" };
  const symbols = model.issuer.tokenSymbols.join(", ");
  return {
    title: `${model.issuer.name}${symbols ? ` (${symbols})` : ""}: reserves and reports`,
    description: `Every reserve report we hold for ${model.issuer.name}, its composition, reporting cadence and stress history, each figure linked to its source.`,
  };
}

async function IssuerProfile({ params }: Props) {
  const { slug } = await params;
  const model = await getIssuerPage(slug);
  if (!model) notFound();
  const { issuer } = model;
  return (
    <article className="issuer">
      <header className="page-head">
        <h1>
          {issuer.name} {issuer.tokenSymbols.length > 0 && <span className="symbols">{issuer.tokenSymbols.join(", ")}</span>}
        </h1>
        {issuer.isDemo && (
          <p className="badge demo" data-testid="issuer-demo-label">
            demo data: a fictional issuer
          </p>
        )}
        {issuer.description && (
          <div className="lede">
            <Markdown source={issuer.description} />
          </div>
        )}
      </header>

      <KeyFigures model={model} />

      <section aria-labelledby="composition-h">
        <h2 id="composition-h">Reserve composition</h2>
        {model.latestComposition ? (
          <>
            <p className="sub">As of {model.latestComposition.asOf}, from the latest report that breaks reserves down.</p>
            <CompositionTable shares={model.latestComposition} change={model.change} />
          </>
        ) : (
          <p>No composition captured for this issuer.</p>
        )}
      </section>

      <IssuerCharts slug={issuer.slug} />

      <section aria-labelledby="eligibility-h">
        <h2 id="eligibility-h">Reserves against legal reserve rules</h2>
        <EligibilityTable model={model} />
      </section>

      <section aria-labelledby="questions-h">
        <h2 id="questions-h">Questions to ask, answered from the data</h2>
        <Evaluation answers={model.evaluation} />
      </section>

      <section aria-labelledby="reports-h">
        <h2 id="reports-h">Every report ({model.rows.length})</h2>
        <p className="sub">
          <Link href={`/issuers/${issuer.slug}/changelog`}>Changelog</Link>: every publication, correction and retraction, with
          its date and reason. Spotted a wrong figure?{" "}
          <a href={`/issuers/${issuer.slug}/suggest`} rel="nofollow">
            Suggest a correction
          </a>
          .
        </p>
        <AttestationTable rows={model.rows} slug={issuer.slug} />
      </section>

      <section aria-labelledby="stress-h">
        <h2 id="stress-h">Stress history</h2>
        <StressTimeline events={model.stressEvents} />
      </section>

      <IssuerDataLinks slug={issuer.slug} name={issuer.name} />

      <section aria-labelledby="facts-h">
        <h2 id="facts-h">About the issuer</h2>
        <IssuerFacts issuer={issuer} />
        {issuer.sourceUrl && (
          <p className="sub">
            Issuer facts from{" "}
            <a href={issuer.sourceUrl} rel="noopener noreferrer nofollow">
              {new URL(issuer.sourceUrl).hostname}
            </a>
            .
          </p>
        )}
      </section>
    </article>
  );
}

export default async function IssuerPage(props: Props) {
  return <IssuerProfile {...props} />;
}
