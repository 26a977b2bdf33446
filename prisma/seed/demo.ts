// The fictional demo set: seven made-up issuers (named after well-known
// placeholder companies so nobody takes them for real tokens) covering the
// backing models of docs/domain.md ("Issuers"). Deterministic: the same data on every machine.
import type { AttestationInput } from "@/lib/domain/schemas/attestation";
import type { DatasetInput } from "@/lib/domain/schemas/dataset";
import type { ReserveCategory } from "@/lib/domain/taxonomy";

/** mulberry32: a tiny seeded generator, so the set is the same everywhere. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const monthEnd = (y: number, m: number) => new Date(Date.UTC(y, m + 1, 0));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const dollars = (n: number) => String(Math.round(n));

interface Profile {
  slug: string;
  startYear: number;
  startMonth: number; // 0-based
  endYear: number;
  endMonth: number;
  everyMonths: number;
  lag: [number, number];
  supply: [number, number]; // first and last supply, USD
  coverage: [number, number];
  mix: Partial<Record<ReserveCategory, number>>;
  reportType: AttestationInput["reportType"];
  assurance: AttestationInput["assurance"];
  firm: string | null;
  standard: string | null;
  custodians?: string[];
  missingMonths?: string[];
}

const PROFILES: Profile[] = [
  {
    slug: "northwind-dollar",
    startYear: 2023,
    startMonth: 0,
    endYear: 2026,
    endMonth: 9,
    everyMonths: 1,
    lag: [14, 24],
    supply: [2.1e9, 6.4e9],
    coverage: [1.002, 1.006],
    mix: { cash_deposits: 0.18, tbills_93d: 0.62, repo_overnight: 0.16, gov_mmf: 0.04 },
    reportType: "attestation",
    assurance: "examination",
    firm: "Demo Assurance LLP (fictional)",
    standard: "AICPA attestation standards (AT-C 205)",
    custodians: ["Demo Custody Bank A", "Demo Custody Bank B"],
  },
  {
    slug: "contoso-cash",
    startYear: 2022,
    startMonth: 2,
    endYear: 2026,
    endMonth: 5,
    everyMonths: 3,
    lag: [40, 125],
    supply: [9.5e9, 14.2e9],
    coverage: [1.01, 1.035],
    mix: {
      cash_deposits: 0.12,
      tbills_93d: 0.38,
      commercial_paper_cds: 0.24,
      secured_loans: 0.08,
      corporate_bonds: 0.05,
      precious_metals: 0.03,
      other_undisclosed: 0.1,
    },
    reportType: "attestation",
    assurance: "management_assertion",
    firm: "Example & Partners (fictional)",
    standard: "ISAE 3000",
    missingMonths: ["2023-09"],
  },
  {
    slug: "fabrikam-vault-dollar",
    startYear: 2023,
    startMonth: 5,
    endYear: 2026,
    endMonth: 9,
    everyMonths: 1,
    lag: [1, 3],
    supply: [0.8e9, 1.9e9],
    coverage: [1.45, 1.7],
    mix: { onchain_crypto: 0.78, tbills_93d: 0.17, other_mmf: 0.05 },
    reportType: "proof_of_reserves",
    assurance: "onchain_proof",
    firm: null,
    standard: null,
  },
  {
    slug: "tailspin-stable",
    startYear: 2023,
    startMonth: 0,
    endYear: 2025,
    endMonth: 11,
    everyMonths: 2,
    lag: [10, 70],
    supply: [3.2e9, 0.9e9],
    coverage: [0.82, 0.41],
    mix: { onchain_crypto: 0.55, other_undisclosed: 0.3, cash_deposits: 0.15 },
    reportType: "issuer_report",
    assurance: "self_reported",
    firm: null,
    standard: null,
  },
  {
    slug: "adventure-works-dollar",
    startYear: 2022,
    startMonth: 0,
    endYear: 2025,
    endMonth: 2,
    everyMonths: 1,
    lag: [20, 35],
    supply: [1.5e9, 0.12e9],
    coverage: [1.0, 1.01],
    mix: { cash_deposits: 0.4, tbills_93d: 0.45, gov_mmf: 0.15 },
    reportType: "attestation",
    assurance: "examination",
    firm: "Placeholder Audit Co. (fictional)",
    standard: "AICPA attestation standards (AT-C 205)",
  },
  {
    slug: "wingtip-euro-dollar",
    startYear: 2024,
    startMonth: 0,
    endYear: 2026,
    endMonth: 8,
    everyMonths: 1,
    lag: [25, 45],
    supply: [0.3e9, 1.1e9],
    coverage: [1.01, 1.02],
    mix: { cash_deposits: 0.62, tbills_93d: 0.3, gov_mmf: 0.08 },
    reportType: "attestation",
    assurance: "review",
    firm: "Sample Revisoren GmbH (fictional)",
    standard: "ISAE 3000",
    custodians: ["Demo Kreditbank", "Demo Banque Centrale", "Demo Spaarbank"],
  },
  {
    slug: "litware-hybrid-dollar",
    startYear: 2022,
    startMonth: 5,
    endYear: 2026,
    endMonth: 5,
    everyMonths: 6,
    lag: [60, 150],
    supply: [0.5e9, 0.7e9],
    coverage: [0.97, 1.08],
    mix: { cash_deposits: 0.2, treasury_notes_bonds: 0.35, secured_loans: 0.2, precious_metals: 0.15, other_undisclosed: 0.1 },
    reportType: "audit",
    assurance: "audit",
    firm: "Illustrative Auditors Ltd (fictional)",
    standard: "ISA 700",
  },
];

function reports(p: Profile, index: number) {
  const rnd = random(7919 * (index + 1));
  const out: { report: AttestationInput; corrections: { reason: string; report: AttestationInput }[]; state: "published" }[] = [];
  const months: Date[] = [];
  for (let y = p.startYear, m = p.startMonth; y < p.endYear || (y === p.endYear && m <= p.endMonth); m += p.everyMonths) {
    while (m > 11) {
      m -= 12;
      y += 1;
    }
    if (y > p.endYear || (y === p.endYear && m > p.endMonth)) break;
    months.push(monthEnd(y, m));
  }
  months.forEach((asOfDate, k) => {
    const asOf = iso(asOfDate);
    if (p.missingMonths?.includes(asOf.slice(0, 7))) return;
    const t = months.length > 1 ? k / (months.length - 1) : 0;
    const supply = p.supply[0] + (p.supply[1] - p.supply[0]) * t * (0.95 + rnd() * 0.1);
    const coverage = p.coverage[0] + (p.coverage[1] - p.coverage[0]) * t + (rnd() - 0.5) * 0.004;
    const reserves = supply * coverage;
    const lag = Math.round(p.lag[0] + (p.lag[1] - p.lag[0]) * rnd());
    const published = addDays(asOfDate, lag);
    // Figures dated in the future of "today" would be fiction about fiction: stop at the cut-off.
    if (iso(published) > "2026-11-24") return;
    const weights = Object.entries(p.mix).map(([c, w]) => [c, (w as number) * (0.85 + rnd() * 0.3)] as const);
    const sum = weights.reduce((s, [, w]) => s + w, 0);
    const composition: AttestationInput["composition"] = [];
    let allocated = 0;
    weights.forEach(([category, w], j) => {
      const amount = j === weights.length - 1 ? Math.round(reserves) - allocated : Math.round((reserves * w) / sum);
      allocated += amount;
      const custodians = category === "cash_deposits" ? p.custodians : undefined;
      if (custodians?.length) {
        let left = amount;
        custodians.forEach((c, ci) => {
          const part = ci === custodians.length - 1 ? left : Math.round(amount * (0.6 / (ci + 1)));
          left -= part;
          composition.push({
            category: category as ReserveCategory,
            amountUsd: { value: dollars(part), precision: "exact" },
            sharePct: null,
            custodian: c,
            maturity: null,
            sourceUrl: null,
          });
        });
      } else {
        composition.push({
          category: category as ReserveCategory,
          amountUsd: { value: dollars(amount), precision: "exact" },
          sharePct: null,
          custodian: null,
          maturity: category === "tbills_93d" ? "≤ 93 days" : null,
          sourceUrl: null,
        });
      }
    });
    const url = `https://example.org/demo/${p.slug}/${asOf}.pdf`;
    const report: AttestationInput = {
      issuerSlug: p.slug,
      asOf,
      publishedOn: iso(published),
      reportType: p.reportType,
      assurance: p.assurance,
      firm: p.firm,
      standard: p.standard,
      opinion: p.firm ? "unqualified" : "none",
      scope: "reserves_and_tokens",
      reportUrl: url,
      reportSha256: null,
      sourceUrl: url,
      sourceKind: "primary",
      tokensOutstanding: { value: dollars(supply), precision: "exact" },
      totalReserves: { value: dollars(Math.round(reserves)), precision: "exact" },
      liquidity1dPct: null,
      liquidity7dPct: null,
      liquidity30dPct: null,
      notes: "Demo data: a fictional report generated for the demonstration set.",
      composition,
    };
    out.push({ report, corrections: [], state: "published" });
  });
  return out;
}

const issuers: DatasetInput["issuers"] = [
  {
    slug: "northwind-dollar",
    name: "Northwind Dollar (demo)",
    tokenSymbols: ["NWUSD"],
    legalEntity: "Northwind Trust Company (fictional)",
    website: "https://example.org/demo/northwind",
    homeJurisdiction: "US-NY",
    backingModel: "fiat_reserve",
    status: "active",
    declaredCadence: "monthly",
    chains: ["Ethereum", "Solana"],
    description: "Fictional issuer: fully reserved in cash, short Treasury bills and overnight repo, with monthly examinations.",
    redemptionEligibility: "Verified institutional customers; retail through partner platforms",
    redemptionMinimumUsd: "100000",
    redemptionFee: "None",
    redemptionSettlement: "Same business day (T+0) stated",
    attestationFirms: "Demo Assurance LLP (fictional)",
    sourceUrl: "https://example.org/demo/northwind",
    licences: [
      {
        regulator: "Demo State Financial Regulator (fictional)",
        licence: "Limited-purpose trust charter",
        jurisdiction: "US-NY",
        since: "2021-04-01",
        sourceUrl: "https://example.org/demo/northwind/licence",
      },
    ],
    counterparties: [
      { name: "Demo Custody Bank A", role: "bank" },
      { name: "Demo Custody Bank B", role: "bank" },
      { name: "Demo Fund Managers", role: "asset_manager" },
    ],
  },
  {
    slug: "contoso-cash",
    name: "Contoso Cash (demo)",
    tokenSymbols: ["CTUSD"],
    legalEntity: "Contoso Holdings Ltd (fictional)",
    website: "https://example.org/demo/contoso",
    homeJurisdiction: "VG",
    backingModel: "hybrid",
    status: "active",
    declaredCadence: "quarterly",
    chains: ["Ethereum", "Tron"],
    description: "Fictional issuer: hybrid reserves including commercial paper and secured loans; quarterly reports that are often late.",
    redemptionEligibility: "Verified customers only",
    redemptionMinimumUsd: "100000",
    redemptionFee: "0.1%",
    redemptionSettlement: "Not stated",
    attestationFirms: "Example & Partners (fictional)",
    sourceUrl: "https://example.org/demo/contoso",
    licences: [],
    counterparties: [{ name: "Demo Offshore Bank", role: "bank" }],
  },
  {
    slug: "fabrikam-vault-dollar",
    name: "Fabrikam Vault Dollar (demo)",
    tokenSymbols: ["FVUSD"],
    legalEntity: "Fabrikam Protocol DAO (fictional)",
    website: "https://example.org/demo/fabrikam",
    homeJurisdiction: null,
    backingModel: "onchain_overcollateralized",
    status: "active",
    declaredCadence: "monthly",
    chains: ["Ethereum"],
    description:
      "Fictional protocol: tokens minted against on-chain crypto collateral worth more than the tokens, with some tokenised T-bills.",
    redemptionEligibility: "Anyone, on-chain, by repaying debt or through a swap module",
    redemptionMinimumUsd: null,
    redemptionFee: "Variable",
    redemptionSettlement: "On-chain, minutes",
    attestationFirms: null,
    sourceUrl: "https://example.org/demo/fabrikam",
    licences: [],
    counterparties: [],
  },
  {
    slug: "tailspin-stable",
    name: "Tailspin Stable (demo)",
    tokenSymbols: ["TSUSD"],
    legalEntity: "Tailspin Labs (fictional)",
    website: "https://example.org/demo/tailspin",
    homeJurisdiction: null,
    backingModel: "algorithm_assisted",
    status: "active",
    declaredCadence: "none",
    chains: ["Demo Chain"],
    description:
      "Fictional issuer: an algorithm-assisted token with thin, partly undisclosed backing, reported irregularly by the issuer itself.",
    redemptionEligibility: "Through the protocol's mint/burn mechanism",
    redemptionMinimumUsd: null,
    redemptionFee: "Variable",
    redemptionSettlement: "Not stated",
    attestationFirms: null,
    sourceUrl: "https://example.org/demo/tailspin",
    licences: [],
    counterparties: [],
  },
  {
    slug: "adventure-works-dollar",
    name: "Adventure Works Dollar (demo)",
    tokenSymbols: ["AWUSD"],
    legalEntity: "Adventure Works Payments Inc. (fictional)",
    website: "https://example.org/demo/adventure-works",
    homeJurisdiction: "US",
    backingModel: "fiat_reserve",
    status: "winding_down",
    declaredCadence: "monthly",
    chains: ["Ethereum"],
    description: "Fictional issuer winding down: minting stopped after a regulator's order; redemptions continue.",
    redemptionEligibility: "All holders, until the wind-down ends",
    redemptionMinimumUsd: "1",
    redemptionFee: "None",
    redemptionSettlement: "T+1 stated",
    attestationFirms: "Placeholder Audit Co. (fictional)",
    sourceUrl: "https://example.org/demo/adventure-works",
    licences: [],
    counterparties: [{ name: "Demo National Bank", role: "bank" }],
  },
  {
    slug: "wingtip-euro-dollar",
    name: "Wingtip Dollar (demo)",
    tokenSymbols: ["WTUSD"],
    legalEntity: "Wingtip E-Money S.A. (fictional)",
    website: "https://example.org/demo/wingtip",
    homeJurisdiction: "FR",
    backingModel: "fiat_reserve",
    status: "active",
    declaredCadence: "monthly",
    chains: ["Ethereum", "Polygon"],
    description: "Fictional e-money institution: a dollar token with most reserves in deposits at several banks.",
    redemptionEligibility: "All holders",
    redemptionMinimumUsd: null,
    redemptionFee: "None",
    redemptionSettlement: "At par, at any time (stated)",
    attestationFirms: "Sample Revisoren GmbH (fictional)",
    sourceUrl: "https://example.org/demo/wingtip",
    licences: [
      {
        regulator: "Demo Prudential Authority (fictional)",
        licence: "Electronic money institution",
        jurisdiction: "FR",
        since: "2023-11-15",
        sourceUrl: null,
      },
    ],
    counterparties: [
      { name: "Demo Kreditbank", role: "bank" },
      { name: "Demo Banque Centrale", role: "bank" },
      { name: "Demo Spaarbank", role: "bank" },
    ],
  },
  {
    slug: "litware-hybrid-dollar",
    name: "Litware Hybrid Dollar (demo)",
    tokenSymbols: ["LHUSD"],
    legalEntity: "Litware Reserve Foundation (fictional)",
    website: "https://example.org/demo/litware",
    homeJurisdiction: "SG",
    backingModel: "hybrid",
    status: "active",
    declaredCadence: "semiannual",
    chains: ["Ethereum", "Demo Chain"],
    description: "Fictional issuer: longer Treasuries, secured loans and gold; audited twice a year, published months later.",
    redemptionEligibility: "Institutional customers",
    redemptionMinimumUsd: "1000000",
    redemptionFee: "0.05%",
    redemptionSettlement: "Within 5 business days (stated)",
    attestationFirms: "Illustrative Auditors Ltd (fictional)",
    sourceUrl: "https://example.org/demo/litware",
    licences: [],
    counterparties: [{ name: "Demo Vault Custodian", role: "custodian" }],
  },
];

export function demoDataset(): DatasetInput {
  const attestations = PROFILES.flatMap((p, i) => reports(p, i));
  // A few corrections, as real data has: each keeps the earlier figures as history.
  const correct = (slug: string, nth: number, reason: string, change: (r: AttestationInput) => AttestationInput) => {
    const list = attestations.filter((a) => a.report.issuerSlug === slug);
    const target = list[nth];
    if (target) target.corrections.push({ reason, report: change(structuredClone(target.report)) });
  };
  correct("northwind-dollar", 5, "Transposed digits in total reserves corrected from the accountant's report.", (r) => ({
    ...r,
    totalReserves: { value: String(BigInt(r.totalReserves!.value) + 1_250_000n), precision: "exact" },
    composition: r.composition.map((l, i) =>
      i === 0 && l.amountUsd ? { ...l, amountUsd: { ...l.amountUsd, value: String(BigInt(l.amountUsd.value) + 1_250_000n) } } : l,
    ),
  }));
  correct("contoso-cash", 3, "The issuer republished the report with commercial paper split from other assets.", (r) => ({
    ...r,
    notes: "Demo data: republished by the issuer with a revised breakdown.",
  }));
  correct("wingtip-euro-dollar", 10, "Publication date corrected: the report appeared a week later than first recorded.", (r) => ({
    ...r,
    publishedOn: iso(addDays(new Date(`${r.publishedOn}T00:00:00Z`), 7)),
  }));

  const src = (slug: string, what: string) => [{ url: `https://example.org/demo/${slug}/${what}`, title: "Demo source (fictional)" }];
  const stressEvents: DatasetInput["stressEvents"] = [
    {
      issuerSlug: "northwind-dollar",
      startDate: "2024-03-11",
      endDate: "2024-03-13",
      kind: "counterparty_exposure",
      lowestPrice: "0.962",
      reserveExposureUsd: { value: "310000000", precision: "rounded" },
      summary:
        "Demo: about $310 million of reserves sat at a bank that failed; the token traded as low as $0.962 until the deposits were guaranteed.",
      issuerResponse: "Published daily updates and covered any shortfall from corporate funds.",
      sources: src("northwind-dollar", "bank-exposure"),
    },
    {
      issuerSlug: "contoso-cash",
      startDate: "2022-05-12",
      endDate: "2022-05-16",
      kind: "depeg",
      lowestPrice: "0.951",
      reserveExposureUsd: null,
      summary: "Demo: heavy redemptions during a market sell-off; the token traded down to $0.951 on secondary markets.",
      issuerResponse: "Processed redemptions and said commercial paper would be reduced.",
      sources: src("contoso-cash", "depeg-2022"),
    },
    {
      issuerSlug: "contoso-cash",
      startDate: "2023-01-20",
      endDate: null,
      kind: "reserve_policy_change",
      lowestPrice: null,
      reserveExposureUsd: null,
      summary: "Demo: the issuer announced it would stop holding commercial paper, replacing it with Treasury bills over the year.",
      issuerResponse: null,
      sources: src("contoso-cash", "policy-2023"),
    },
    {
      issuerSlug: "contoso-cash",
      startDate: "2024-06-03",
      endDate: null,
      kind: "regulatory_action",
      lowestPrice: null,
      reserveExposureUsd: null,
      summary:
        "Demo: a regulator fined the issuer for statements about its reserves that the regulator found untrue for part of the period.",
      issuerResponse: "Settled without admitting the findings.",
      sources: src("contoso-cash", "fine-2024"),
    },
    {
      issuerSlug: "tailspin-stable",
      startDate: "2024-08-05",
      endDate: "2024-08-19",
      kind: "depeg",
      lowestPrice: "0.71",
      reserveExposureUsd: null,
      summary: "Demo: the algorithmic mechanism failed to hold the peg in a sell-off; the token fell to $0.71 and recovered only partly.",
      issuerResponse: "Raised fees and added collateral from its treasury.",
      sources: src("tailspin-stable", "depeg-2024"),
    },
    {
      issuerSlug: "tailspin-stable",
      startDate: "2025-04-02",
      endDate: "2025-04-04",
      kind: "redemption_halt",
      lowestPrice: "0.88",
      reserveExposureUsd: null,
      summary: "Demo: minting and redemption were paused for two days after a smart-contract bug was reported.",
      issuerResponse: "Deployed a fix and resumed redemptions.",
      sources: src("tailspin-stable", "halt-2025"),
    },
    {
      issuerSlug: "adventure-works-dollar",
      startDate: "2024-02-13",
      endDate: null,
      kind: "regulatory_action",
      lowestPrice: null,
      reserveExposureUsd: null,
      summary: "Demo: the issuer's regulator ordered it to stop minting new tokens; redemptions continued.",
      issuerResponse: "Began an orderly wind-down.",
      sources: src("adventure-works-dollar", "order-2024"),
    },
    {
      issuerSlug: "fabrikam-vault-dollar",
      startDate: "2025-11-02",
      endDate: "2025-11-02",
      kind: "operational_incident",
      lowestPrice: "0.993",
      reserveExposureUsd: { value: "12000000", precision: "lower_bound" },
      summary: "Demo: a price-oracle fault triggered liquidations of collateral worth at least $12 million.",
      issuerResponse: "Paused the affected vaults and compensated users from a reserve fund.",
      sources: src("fabrikam-vault-dollar", "oracle-2025"),
    },
  ];

  return { label: "Demo data (fictional issuers)", isDemo: true, issuers, attestations, stressEvents };
}
