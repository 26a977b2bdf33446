import type { IssuerData } from "@/lib/domain/types";
import { BACKING_MODEL_LABELS, CADENCE_LABELS, ISSUER_STATUS_LABELS } from "@/lib/domain/taxonomy";

const ROLE_LABEL = { bank: "Bank", custodian: "Custodian", asset_manager: "Asset manager", other: "Other" } as const;

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const notDisclosed = <span className="sub">not disclosed</span>;

export function IssuerFacts({ issuer }: { issuer: IssuerData }) {
  const r = issuer.redemption;
  return (
    <dl className="facts">
      <Fact term="Legal entity">{issuer.legalEntity ?? notDisclosed}</Fact>
      <Fact term="Home jurisdiction">{issuer.homeJurisdiction ?? notDisclosed}</Fact>
      <Fact term="Backing model">{BACKING_MODEL_LABELS[issuer.backingModel]}</Fact>
      <Fact term="Status">{ISSUER_STATUS_LABELS[issuer.status]}</Fact>
      <Fact term="Declared reporting cadence">{CADENCE_LABELS[issuer.declaredCadence]}</Fact>
      <Fact term="Chains">{issuer.chains.length ? issuer.chains.join(", ") : notDisclosed}</Fact>
      <Fact term="Licences">
        {issuer.licences.length ? (
          <ul className="plain">
            {issuer.licences.map((l) => (
              <li key={`${l.regulator}-${l.licence}`}>
                {l.licence}, {l.regulator} ({l.jurisdiction}
                {l.since ? `, since ${l.since}` : ""}){" "}
                {l.sourceUrl && (
                  <a href={l.sourceUrl} rel="noopener noreferrer nofollow">
                    source
                  </a>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <span className="sub">none recorded</span>
        )}
      </Fact>
      <Fact term="Banks, custodians, managers">
        {issuer.counterparties.length ? (
          <ul className="plain">
            {issuer.counterparties.map((c) => (
              <li key={`${c.role}-${c.name}`}>
                {c.name} <span className="sub">({ROLE_LABEL[c.role]})</span>
              </li>
            ))}
          </ul>
        ) : (
          notDisclosed
        )}
      </Fact>
      <Fact term="Who may redeem">{r.eligibility ?? notDisclosed}</Fact>
      <Fact term="Minimum redemption">{r.minimumUsd ? `$${Number(r.minimumUsd).toLocaleString("en-US")}` : notDisclosed}</Fact>
      <Fact term="Redemption fee">{r.fee ?? notDisclosed}</Fact>
      <Fact term="Stated settlement time">{r.settlement ?? notDisclosed}</Fact>
      <Fact term="Attestation firms">{issuer.attestationFirms ?? notDisclosed}</Fact>
      <Fact term="Website">
        {issuer.website ? (
          <a href={issuer.website} rel="noopener noreferrer nofollow">
            {issuer.website.replace(/^https?:\/\//, "")}
          </a>
        ) : (
          notDisclosed
        )}
      </Fact>
    </dl>
  );
}
