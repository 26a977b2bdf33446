import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";

import { CursorError, cursorShapes, decodeCursor, encodeCursor } from "@/lib/domain/api/cursor";
import { API_PATHS, openApiDocument } from "@/lib/domain/api/openapi";
import { listParams, parseParams } from "@/lib/domain/api/params";
import { apiAttestation, attestationListPayload, stressEventListPayload } from "@/lib/domain/api/serialise";
import type { AttestationData } from "@/lib/domain/types";

import { compileAllComponents, responseChecker } from "../support/openapi";

const report: AttestationData = {
  id: "r1",
  issuerSlug: "acme",
  asOf: "2025-01-31",
  asOfPrecision: "day",
  publishedOn: "2025-02-20",
  reportType: "attestation",
  assurance: "examination",
  firm: "Example LLP",
  standard: null,
  opinion: "unqualified",
  scope: "reserves_and_tokens",
  reportUrl: null,
  reportSha256: null,
  sourceUrl: "https://example.org/r1",
  sourceKind: "primary",
  tokensOutstanding: { value: "990000000", precision: "lower_bound" },
  totalReserves: { value: "1000000000.5", precision: "exact" },
  liquidity: { within1dPct: "40.5", within7dPct: null, within30dPct: null },
  notes: null,
  state: "published",
  revision: 1,
  retractedReason: null,
  composition: [
    {
      category: "tbills_93d",
      amountUsd: { value: "600000000", precision: "rounded" },
      sharePct: null,
      custodian: null,
      maturity: null,
      sourceUrl: null,
    },
  ],
};

const META = { methodologyVersion: "2026-11-25", methodology: "/en/methodology", dataAsOf: "2026-11-25T10:00:00Z" };

describe("the OpenAPI document", () => {
  const doc = openApiDocument();

  it("validates against the OpenAPI 3.1 schema", async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("has schemas that compile as JSON Schema 2020-12, and documents every route", () => {
    expect(compileAllComponents(doc as never)).toContain("Attestation");
    const documented = Object.keys((doc as { paths: object }).paths);
    expect(documented.sort()).toEqual(
      Object.values(API_PATHS)
        .filter((p) => p !== API_PATHS.openapi)
        .sort(),
    );
  });

  it("describes exactly what the serialisers produce: decimal strings, computed figures marked", () => {
    const check = responseChecker(doc);
    const page = attestationListPayload(
      { items: [report], nextKey: ["2025-01-31", "r1"] },
      1,
      "/api/v1/attestations",
      new URLSearchParams("issuer=acme"),
      META,
    );
    expect(check(API_PATHS.attestations, "200", page)).toEqual([]);
    expect(page.data[0]!.computed.coveragePct).toEqual({ value: expect.stringMatching(/^\d+\.\d+$/), bound: "upper", note: null });
    expect(page.page.next).toBe(`/api/v1/attestations?issuer=acme&cursor=${page.page.nextCursor}&limit=1`);
    // a float where a decimal string belongs is refused by the document
    const floaty = structuredClone(page) as { data: { totalReserves: { value: unknown } }[] };
    floaty.data[0]!.totalReserves.value = 1000000000.5;
    expect(check(API_PATHS.attestations, "200", floaty)).not.toEqual([]);
    const stress = stressEventListPayload({ items: [], nextKey: null }, 50, "/api/v1/stress-events", new URLSearchParams(), META);
    expect(check(API_PATHS.stressEvents, "200", stress)).toEqual([]);
  });

  it("describes the live answer as the server builds it, for an issuer with readings and one without", async () => {
    const { issuerLiveSchema } = await import("@/lib/domain/api/schemas");
    const check = responseChecker(doc);
    const meta = {
      ...META,
      liveReadAt: { supply: "2026-12-06T10:00:00.000Z", reserve_balance: null, reserve_feed: null, issuer_figure: null },
    };
    const empty = issuerLiveSchema.parse({
      data: {
        computedAt: "2026-12-06T10:00:00.000Z",
        off: [{ reader: "evm:ethereum", reason: "RPC_URL_ETHEREUM is not set", setting: "RPC_URL_ETHEREUM" }],
        supply: [],
        supplyTotal: null,
        reserves: [],
        issuerFigures: [],
        lastReport: null,
        tokensChangePct: null,
        reservesOverSupplyPct: null,
      },
      meta,
    });
    expect(check(API_PATHS.issuerLive, "200", empty)).toEqual([]);
    const figure = {
      label: "USDT on ethereum",
      chain: "ethereum",
      amount: "95000000000.5",
      blockNumber: "21000000",
      slot: null,
      readAt: "2026-12-06T09:53:00.000Z",
      failure: null,
    };
    const full = issuerLiveSchema.parse({
      data: {
        ...empty.data,
        supply: [figure, { ...figure, amount: null, readAt: null, failure: { error: "timeout", at: "2026-12-06T09:59:00.000Z" } }],
        supplyTotal: { amount: "95000000000.5", oldestReadAt: "2026-12-06T09:53:00.000Z", complete: false },
        lastReport: { asOf: "2025-12-31", tokens: "186450000000", reserves: null },
        tokensChangePct: "-49.05",
      },
      meta,
    });
    expect(check(API_PATHS.issuerLive, "200", full)).toEqual([]);
    // a float where a decimal string belongs is refused by the document
    expect(check(API_PATHS.issuerLive, "200", { ...full, data: { ...full.data, tokensChangePct: -49.05 } })).not.toEqual([]);
  });

  it("never lets a draft out", () => {
    expect(() => apiAttestation({ ...report, state: "draft" })).toThrow(/drafts/);
  });
});

describe("list parameters and cursors", () => {
  it("parse filters and pages, refusing what they cannot honour", () => {
    const ok = parseParams(listParams, new URLSearchParams("issuer=circle&issuer=tether,circle&from=2024-01-01&limit=10"));
    expect(ok).toEqual({ ok: true, value: { issuer: ["circle", "tether"], from: "2024-01-01", limit: 10 } });
    expect(parseParams(listParams, new URLSearchParams("limit=201")).ok).toBe(false);
    expect(parseParams(listParams, new URLSearchParams("from=2024-02-30")).ok).toBe(false);
    expect(parseParams(listParams, new URLSearchParams("from=2024-02-01&to=2024-01-01")).ok).toBe(false);
    expect(parseParams(listParams, new URLSearchParams("issuer=Not A Slug")).ok).toBe(false);
  });

  it("round-trip opaque cursors and refuse forged ones", () => {
    expect(decodeCursor(encodeCursor(["2025-01-31", "abc"]), cursorShapes.dayAndId)).toEqual(["2025-01-31", "abc"]);
    expect(decodeCursor(encodeCursor([null, "abc"]), cursorShapes.optionalDayAndId)).toEqual([null, "abc"]);
    expect(() => decodeCursor("not-base64-json", cursorShapes.slug)).toThrow(CursorError);
    expect(() => decodeCursor(encodeCursor(["x", "y"]), cursorShapes.dayAndId)).toThrow(CursorError);
  });
});
