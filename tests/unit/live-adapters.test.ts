import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { circleSupplyApi, circleTransparencyHtml, tetherTransparency, type AdapterResult } from "@/lib/live/adapters";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "..", "fixtures", "live", name), "utf8");
const figures = (r: AdapterResult) => (r.ok ? Object.fromEntries(r.figures.map((f) => [f.metric, f.amount])) : r.error);

describe("issuer transparency adapters on documented response shapes", () => {
  it("Tether transparency.json: data_formatted usdt, issued = authorized − not issued, exact", () => {
    const r = tetherTransparency.parse(fixture("tether-transparency.json"));
    expect(r.ok).toBe(true);
    expect(figures(r)).toMatchObject({
      total_assets_usd: "189761994736.8062",
      total_liabilities_usd: "184211219230.29",
      shareholder_equity_usd: "5550775506.5162",
      "issued:ethereum": "95123456789.123456",
      "issued:tron": "0",
      "issued:solana": "2500000000.25",
      "quarantined:solana": "3698541.306464",
      issued_total: "97623456789.373456",
    });
    if (r.ok) expect(r.figures[0]!.sourceAsOf!.toISOString()).toBe("2026-07-08T23:59:00.000Z");
  });

  it("Tether: a renamed field or a garbled number is refused", () => {
    expect(tetherTransparency.parse(fixture("tether-transparency-changed.json"))).toEqual({
      ok: false,
      error: expect.stringMatching(/response changed: data_formatted\.0\.total_assets/),
    });
    expect(tetherTransparency.parse(fixture("tether-transparency-broken.json"))).toEqual({
      ok: false,
      error: expect.stringMatching(/total_liabilities is not a plain decimal/),
    });
    expect(tetherTransparency.parse("<html>maintenance</html>")).toEqual({ ok: false, error: "the response is not JSON" });
  });

  it("Circle /v1/stablecoins: USDC total and per chain", () => {
    const r = circleSupplyApi.parse(fixture("circle-stablecoins.json"));
    expect(figures(r)).toMatchObject({
      total_supply: "75240512345.123456",
      "supply:XLM": "150000000.123456",
      "supply:ETH": "40000000000.5",
    });
    expect(circleSupplyApi.parse(fixture("circle-stablecoins-changed.json"))).toEqual({
      ok: false,
      error: expect.stringMatching(/totalAmount is missing/),
    });
    expect(circleSupplyApi.parse(fixture("circle-stablecoins-broken.json"))).toEqual({
      ok: false,
      error: expect.stringMatching(/response changed: data\.0\.chains\.1\.amount/),
    });
  });

  it("Circle transparency HTML: circulation and reserve buckets in USD, 'As of' date", () => {
    const r = circleTransparencyHtml.parse(fixture("circle-transparency.html"));
    expect(figures(r)).toEqual({
      usdc_in_circulation_usd: "75240000000",
      reserves_treasuries_usd: "26840000000",
      reserves_treasury_repo_usd: "37680000000",
      reserves_sifi_deposits_usd: "9480000000",
      reserves_other_usd: "1500000000",
      reserves_total_usd: "75500000000",
    });
    if (r.ok) expect(r.figures[0]!.sourceAsOf!.toISOString()).toBe("2026-09-24T00:00:00.000Z");
  });

  it("Circle HTML: a missing attribute or inconsistent values are refused, never a number", () => {
    expect(circleTransparencyHtml.parse(fixture("circle-transparency-changed.html"))).toEqual({
      ok: false,
      error: "layout changed: data-usdc-months missing on usdc_chartjs_canvas",
    });
    expect(circleTransparencyHtml.parse(fixture("circle-transparency-broken.html"))).toEqual({
      ok: false,
      error: expect.stringMatching(/not within 3%/),
    });
    expect(circleTransparencyHtml.parse("<html></html>")).toEqual({ ok: false, error: expect.stringMatching(/layout changed/) });
  });
});
