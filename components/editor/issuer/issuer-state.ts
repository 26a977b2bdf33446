// The issuer form's values as typed, and the conversions to and from the
// shared issuer input shape. Lists of symbols and chains are typed comma-separated.
import type { IssuerInput } from "@/lib/domain/schemas/issuer";

export interface LicenceState {
  key: number;
  regulator: string;
  licence: string;
  jurisdiction: string;
  since: string;
  sourceUrl: string;
}

export interface CounterpartyState {
  key: number;
  name: string;
  role: string;
  sourceUrl: string;
}

export interface IssuerFormState {
  slug: string;
  name: string;
  tokenSymbols: string;
  legalEntity: string;
  website: string;
  homeJurisdiction: string;
  backingModel: string;
  status: string;
  declaredCadence: string;
  chains: string;
  description: string;
  redemptionEligibility: string;
  redemptionMinimumUsd: string;
  redemptionFee: string;
  redemptionSettlement: string;
  attestationFirms: string;
  sourceUrl: string;
  licences: LicenceState[];
  counterparties: CounterpartyState[];
}

export type IssuerTextKey = { [K in keyof IssuerFormState]: IssuerFormState[K] extends string ? K : never }[keyof IssuerFormState];

let nextKey = 1;
export const newLicence = (): LicenceState => ({ key: nextKey++, regulator: "", licence: "", jurisdiction: "", since: "", sourceUrl: "" });
export const newCounterparty = (): CounterpartyState => ({ key: nextKey++, name: "", role: "bank", sourceUrl: "" });

export const blankIssuerInput = (): IssuerInput => ({
  slug: "",
  name: "",
  tokenSymbols: [],
  legalEntity: null,
  website: null,
  homeJurisdiction: null,
  backingModel: "fiat_reserve",
  status: "active",
  declaredCadence: "monthly",
  chains: [],
  description: null,
  redemptionEligibility: null,
  redemptionMinimumUsd: null,
  redemptionFee: null,
  redemptionSettlement: null,
  attestationFirms: null,
  sourceUrl: null,
  licences: [],
  counterparties: [],
});

export function issuerFromInput(i: IssuerInput): IssuerFormState {
  return {
    slug: i.slug,
    name: i.name,
    tokenSymbols: i.tokenSymbols.join(", "),
    legalEntity: i.legalEntity ?? "",
    website: i.website ?? "",
    homeJurisdiction: i.homeJurisdiction ?? "",
    backingModel: i.backingModel,
    status: i.status,
    declaredCadence: i.declaredCadence,
    chains: i.chains.join(", "),
    description: i.description ?? "",
    redemptionEligibility: i.redemptionEligibility ?? "",
    redemptionMinimumUsd: i.redemptionMinimumUsd ?? "",
    redemptionFee: i.redemptionFee ?? "",
    redemptionSettlement: i.redemptionSettlement ?? "",
    attestationFirms: i.attestationFirms ?? "",
    sourceUrl: i.sourceUrl ?? "",
    licences: i.licences.map((l) => ({
      key: nextKey++,
      regulator: l.regulator,
      licence: l.licence,
      jurisdiction: l.jurisdiction,
      since: l.since ?? "",
      sourceUrl: l.sourceUrl ?? "",
    })),
    counterparties: i.counterparties.map((c) => ({ key: nextKey++, name: c.name, role: c.role, sourceUrl: c.sourceUrl ?? "" })),
  };
}

const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export function issuerToInput(s: IssuerFormState): unknown {
  const { licences, counterparties, tokenSymbols, chains, ...rest } = s;
  return {
    ...rest,
    tokenSymbols: list(tokenSymbols),
    chains: list(chains),
    licences: licences.map((l) => ({
      regulator: l.regulator,
      licence: l.licence,
      jurisdiction: l.jurisdiction,
      since: l.since,
      sourceUrl: l.sourceUrl,
    })),
    counterparties: counterparties.map((c) => ({ name: c.name, role: c.role, sourceUrl: c.sourceUrl })),
  };
}
