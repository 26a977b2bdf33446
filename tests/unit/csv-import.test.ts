import { describe, expect, it } from "vitest";

import { locateProblem, PackError, packToDataset, type PackFiles } from "@/lib/domain/import/public-pack";
import { parseCsv } from "@/lib/domain/import/read-csv";
import { datasetSchema } from "@/lib/domain/schemas/dataset";

const csv = (text: string) => parseCsv(text);

function files(parts: { issuers: string; reports: string; composition: string; stress: string }): PackFiles {
  const f = {
    issuers: csv(parts.issuers),
    reports: csv(parts.reports),
    composition: csv(parts.composition),
    stressEvents: csv(parts.stress),
  };
  return {
    issuers: f.issuers.rows,
    reports: f.reports.rows,
    composition: f.composition.rows,
    stressEvents: f.stressEvents.rows,
    lines: { issuers: f.issuers.lines, reports: f.reports.lines, composition: f.composition.lines, stressEvents: f.stressEvents.lines },
    headers: {
      issuers: f.issuers.headers,
      reports: f.reports.headers,
      composition: f.composition.headers,
      stressEvents: f.stressEvents.headers,
    },
  };
}

const ISSUERS = `slug,name,token_symbol,backing_model,status,declared_cadence,custodians_or_banks,source_url,chains,counterparties_json,computed_coverage_pct
acme,'=Acme,ACME,fiat_reserve,active,monthly,Big Bank,https://example.org/acme,Ethereum; Base,"[{""name"":""Big Bank"",""role"":""custodian"",""source_url"":null}]",101.5
`;
const REPORTS = `issuer_slug,as_of,published,report_type,assurance,scope,total_reserves_usd,reserves_precision,source_url,source_kind,note,state,retracted_reason,opinion,computed_coverage_pct
acme,2025-01-31,2025-02-10,attestation,examination,reserves_only,100,exact,https://example.org/r1,primary,"two
lines",published,,qualified,99
acme,2025-01-31,,issuer_report,self_reported,reserves_only,100,exact,https://example.org/r2,primary,,retracted,wrong figures,,
`;
const COMPOSITION = `issuer_slug,as_of,category,amount_usd,amount_precision,share_pct,source_url,report_type,custodian,maturity,report_source_url
acme,2025-01-31,cash_deposits,60,exact,,,attestation,Big Bank,,https://example.org/r1
acme,2025-01-31,tbills_93d,40,exact,,,issuer_report,,30 days,https://example.org/r2
`;
const STRESS = `issuer_slug,start_date,end_date,kind,lowest_price,reserve_exposure_usd,summary,source_url,exposure_precision,sources_json
acme,2025-03-01,,depeg,0.97,5,A wobble.,https://example.org/s,exact,"[{""url"":""https://example.org/s"",""title"":""First""},{""url"":""https://example.org/t"",""title"":null}]"
`;

describe("importing an export (the pack's format plus columns)", () => {
  it("reads the extra columns, restores neutralised cells and ignores computed ones", () => {
    const { dataset } = packToDataset(files({ issuers: ISSUERS, reports: REPORTS, composition: COMPOSITION, stress: STRESS }));
    const parsed = datasetSchema.parse(dataset);
    expect(parsed.issuers[0]).toMatchObject({
      name: "=Acme",
      chains: ["Ethereum", "Base"],
      counterparties: [{ name: "Big Bank", role: "custodian", sourceUrl: null }],
    });
    // lines go to the report of their type, not to whichever report of that date comes first
    expect(parsed.attestations.map((a) => a.report.composition.map((l) => l.category))).toEqual([["cash_deposits"], ["tbills_93d"]]);
    expect(parsed.attestations[0]!.report).toMatchObject({ opinion: "qualified", notes: "two\nlines" });
    expect(parsed.attestations[1]).toMatchObject({ state: "retracted", retractedReason: "wrong figures" });
    expect(parsed.attestations[1]!.report.composition[0]).toMatchObject({ maturity: "30 days", custodian: null });
    expect(parsed.stressEvents[0]).toMatchObject({
      reserveExposureUsd: { value: "5", precision: "exact" },
      sources: [
        { url: "https://example.org/s", title: "First" },
        { url: "https://example.org/t", title: null },
      ],
    });
    expect(JSON.stringify(parsed)).not.toContain("101.5");
  });

  it("names file, line and column of an invalid cell, counting lines of multi-line cells", () => {
    const bad = REPORTS.replace("issuer_report,self_reported", "issuer_report,guesswork");
    const pack = packToDataset(files({ issuers: ISSUERS, reports: bad, composition: COMPOSITION, stress: STRESS }));
    const result = datasetSchema.safeParse(pack.dataset);
    expect(result.success).toBe(false);
    const where = result.error!.issues.map((i) =>
      i.path
        .map(String)
        .join(".")
        .replace(/\.(\d+)/g, "[$1]"),
    );
    expect(where.map((w) => locateProblem(pack, w, "x"))).toContainEqual({
      file: "reports.csv",
      line: 4,
      column: "assurance",
      message: "x",
    });
  });

  it("refuses an unknown column, a malformed JSON cell and mixed demo flags, each with its place", () => {
    const withTypo = ISSUERS.replace("chains,", "chians,");
    expect(() => packToDataset(files({ issuers: withTypo, reports: REPORTS, composition: COMPOSITION, stress: STRESS }))).toThrow(
      /issuers.csv line 1, column chians/,
    );
    const badJson = STRESS.replace('"[{""url""', '"[{url');
    try {
      packToDataset(files({ issuers: ISSUERS, reports: REPORTS, composition: COMPOSITION, stress: badJson }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PackError);
      expect((err as PackError).problems).toContainEqual(
        expect.objectContaining({ file: "stress_events.csv", line: 2, column: "sources_json" }),
      );
    }
    const mixed = `slug,name,backing_model,declared_cadence,is_demo\na,A,hybrid,monthly,true\nb,B,hybrid,monthly,false\n`;
    expect(() =>
      packToDataset(files({ issuers: mixed, reports: "issuer_slug,as_of\n", composition: "issuer_slug,as_of\n", stress: "issuer_slug\n" })),
    ).toThrow(/is_demo/);
  });
});
