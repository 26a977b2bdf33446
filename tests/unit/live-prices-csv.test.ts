import { describe, expect, it } from "vitest";

import { parsePriceCsv } from "@/lib/live/prices-csv";

const opts = { today: "2026-12-06", knownIssuers: new Set(["tether", "circle"]) };

describe("price CSV", () => {
  it("accepts documented columns in any order, exact decimals", () => {
    const r = parsePriceCsv(
      "token,date,issuer,source,price_usd\nUSDT,2026-11-01,tether,coingecko,1.000200\nUSDC,2026-11-01,circle,coingecko,0.9999\n",
      opts,
    );
    expect(r).toEqual({
      ok: true,
      rows: [
        { line: 2, date: "2026-11-01", issuer: "tether", token: "USDT", priceUsd: "1.0002", source: "coingecko" },
        { line: 3, date: "2026-11-01", issuer: "circle", token: "USDC", priceUsd: "0.9999", source: "coingecko" },
      ],
    });
  });

  it("refuses every bad row by line and column, nothing partial", () => {
    const csv = [
      "date,issuer,token,price_usd,source",
      "2026-11-01,tether,USDT,1.0001,coingecko",
      "2026-02-30,tether,USDT,1,coingecko",
      "2026-11-02,nobody,USDT,1e0,coingecko",
      "2026-11-03,tether,USDT,0,",
      "2027-01-01,circle,USDC,12,x",
      "2026-11-01,tether,USDT,1.0003,coingecko",
    ].join("\n");
    const r = parsePriceCsv(csv, opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => `${p.line}:${p.column}`)).toEqual([
      "3:date",
      "4:issuer",
      "4:price_usd",
      "5:price_usd",
      "5:source",
      "6:date",
      "6:price_usd",
      "7:date",
    ]);
    expect(r.problems.at(-1)!.message).toMatch(/first on line 2/);
  });

  it("refuses missing and unknown columns, and an empty file", () => {
    const r = parsePriceCsv("date,issuer,token,price\n2026-11-01,tether,USDT,1\n", opts);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.column)).toEqual(["price_usd", "source", "price"]);
    const e = parsePriceCsv("date,issuer,token,price_usd,source\n", opts);
    expect(e.ok).toBe(false);
  });
});
