import { describe, expect, it } from "vitest";

import { parseRetryAfter } from "@/lib/live/http";
import { parsePriceResponse, priceRequestUrl } from "@/lib/live/price-api";

describe("price API responses (live-sources.md shapes)", () => {
  it("DefiLlama /stablecoinprices: one row per day keyed by gecko id, exact", () => {
    const body =
      '[{"date": 1764979200, "prices": {"tether": 1.0003, "usd-coin": 0.99987654321234567}}, {"date": 1765065600, "prices": {"tether": 0.9991}}]';
    const r = parsePriceResponse("defillama-stablecoinprices", body, ["tether", "usd-coin"]);
    expect(r).toEqual({
      ok: true,
      prices: [
        { geckoId: "tether", date: "2025-12-06", priceUsd: "1.0003" },
        { geckoId: "usd-coin", date: "2025-12-06", priceUsd: "0.9998765432" },
        { geckoId: "tether", date: "2025-12-07", priceUsd: "0.9991" },
      ],
    });
  });

  it("CoinGecko market_chart: [[ms, price]] per day", () => {
    const r = parsePriceResponse(
      "coingecko-market-chart",
      '{"prices": [[1764979200000, 1.0002], [1765065600000, 0.998]], "market_caps": [], "total_volumes": []}',
      ["tether"],
    );
    expect(r).toEqual({
      ok: true,
      prices: [
        { geckoId: "tether", date: "2025-12-06", priceUsd: "1.0002" },
        { geckoId: "tether", date: "2025-12-07", priceUsd: "0.998" },
      ],
    });
    expect(priceRequestUrl("coingecko-market-chart", "https://api.coingecko.com/api/v3/", "usd-coin", 30)).toBe(
      "https://api.coingecko.com/api/v3/coins/usd-coin/market_chart?vs_currency=usd&days=30&interval=daily",
    );
  });

  it("refuses changed shapes and absurd prices", () => {
    expect(parsePriceResponse("coingecko-market-chart", '{"data": []}', ["tether"]).ok).toBe(false);
    expect(parsePriceResponse("defillama-stablecoinprices", '[{"date": 1, "prices": {"tether": "abc"}}]', ["tether"]).ok).toBe(false);
    expect(parsePriceResponse("defillama-stablecoinprices", '[{"date": 1, "prices": {"tether": 1200}}]', ["tether"])).toEqual({
      ok: false,
      error: expect.stringMatching(/not between 0 and 10/),
    });
    expect(parsePriceResponse("defillama-stablecoinprices", "<html>", ["tether"])).toEqual({
      ok: false,
      error: "the response is not JSON",
    });
  });

  it("Retry-After in seconds or as an HTTP date", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    expect(parseRetryAfter("120", now)).toEqual(new Date("2026-12-06T12:02:00Z"));
    expect(parseRetryAfter("Sun, 06 Dec 2026 13:00:00 GMT", now)).toEqual(new Date("2026-12-06T13:00:00Z"));
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});
