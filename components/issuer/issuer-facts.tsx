import { getTranslations } from "next-intl/server";

import type { IssuerData } from "@/lib/domain/types";
import { numberFormatters } from "@/lib/i18n/format";
import { taxonomyLabels } from "@/lib/i18n/labels";
import { wholeUsd } from "@/components/ui/money";

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export async function IssuerFacts({ issuer }: { issuer: IssuerData }) {
  const [t, common, L, f] = await Promise.all([
    getTranslations("issuer.facts"),
    getTranslations("common"),
    taxonomyLabels(),
    numberFormatters(),
  ]);
  const notDisclosed = <span className="sub">{common("notDisclosed")}</span>;
  const r = issuer.redemption;
  return (
    <dl className="facts">
      <Fact term={t("legalEntity")}>{issuer.legalEntity ?? notDisclosed}</Fact>
      <Fact term={t("homeJurisdiction")}>{issuer.homeJurisdiction ?? notDisclosed}</Fact>
      <Fact term={t("backingModel")}>{L.backingModel(issuer.backingModel)}</Fact>
      <Fact term={t("status")}>{L.issuerStatus(issuer.status)}</Fact>
      <Fact term={t("cadence")}>{L.cadence(issuer.declaredCadence)}</Fact>
      <Fact term={t("chains")}>{issuer.chains.length ? issuer.chains.join(", ") : notDisclosed}</Fact>
      <Fact term={t("licences")}>
        {issuer.licences.length ? (
          <ul className="plain">
            {issuer.licences.map((l) => (
              <li key={`${l.regulator}-${l.licence}`}>
                {l.licence}, {l.regulator} ({l.jurisdiction}
                {l.since ? t("since", { date: f.date(l.since) }) : ""}){" "}
                {l.sourceUrl && (
                  <a href={l.sourceUrl} rel="noopener noreferrer nofollow">
                    {common("source")}
                  </a>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <span className="sub">{t("noneRecorded")}</span>
        )}
      </Fact>
      <Fact term={t("counterparties")}>
        {issuer.counterparties.length ? (
          <ul className="plain">
            {issuer.counterparties.map((c) => (
              <li key={`${c.role}-${c.name}`}>
                {c.name} <span className="sub">({t(`role.${c.role}`)})</span>
              </li>
            ))}
          </ul>
        ) : (
          notDisclosed
        )}
      </Fact>
      <Fact term={t("whoMayRedeem")}>{r.eligibility ?? notDisclosed}</Fact>
      <Fact term={t("minimumRedemption")}>{r.minimumUsd ? wholeUsd(r.minimumUsd, f.locale) : notDisclosed}</Fact>
      <Fact term={t("redemptionFee")}>{r.fee ?? notDisclosed}</Fact>
      <Fact term={t("settlement")}>{r.settlement ?? notDisclosed}</Fact>
      <Fact term={t("attestationFirms")}>{issuer.attestationFirms ?? notDisclosed}</Fact>
      <Fact term={t("website")}>
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
