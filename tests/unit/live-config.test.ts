import { describe, expect, it } from "vitest";

import { chainFamily, parseLiveConfig, rpcEnvName, rpcUrl } from "@/lib/live/config";

describe("live configuration from the environment", () => {
  it("is all off with nothing set, with defaults", () => {
    const c = parseLiveConfig({});
    expect(c.rpcUrls).toEqual({});
    expect(c.priceApi).toBeNull();
    expect(c.priceApiProblem).toMatch(/PRICE_API_URL and PRICE_API_KIND are not set/);
    expect(c.refreshCron).toBe("*/15 * * * *");
    expect(c.jobsInApp).toBe(true);
    expect(c.depeg).toEqual({ bandBp: 50, minHours: 24 });
    expect(c.problems).toEqual([]);
  });

  it("reads one RPC_URL_<CHAIN> per chain", () => {
    const c = parseLiveConfig({
      RPC_URL_ETHEREUM: "http://127.0.0.1:8545",
      RPC_URL_POLYGON_ZKEVM: "https://x.example/rpc",
      RPC_URL_TRON: "ftp://nope",
    });
    expect(rpcUrl(c, "ethereum")).toBe("http://127.0.0.1:8545");
    expect(rpcUrl(c, "polygon-zkevm")).toBe("https://x.example/rpc");
    expect(rpcUrl(c, "tron")).toBeNull();
    expect(c.problems).toEqual(["RPC_URL_TRON is not an http(s) URL"]);
    expect(rpcEnvName("morph-l2")).toBe("RPC_URL_MORPH_L2");
  });

  it("price API needs both variables and a documented kind", () => {
    expect(parseLiveConfig({ PRICE_API_URL: "https://coins.llama.fi", PRICE_API_KIND: "coingecko-market-chart" }).priceApi).toEqual({
      url: "https://coins.llama.fi",
      kind: "coingecko-market-chart",
    });
    const bad = parseLiveConfig({ PRICE_API_URL: "https://x.example", PRICE_API_KIND: "cmc" });
    expect(bad.priceApi).toBeNull();
    expect(bad.problems[0]).toMatch(/PRICE_API_KIND must be one of/);
  });

  it("JOBS_IN_APP=false and a bad cron", () => {
    const c = parseLiveConfig({ JOBS_IN_APP: "FALSE", LIVE_REFRESH_CRON: "every minute", LIVE_DEPEG_BAND_BP: "abc" });
    expect(c.jobsInApp).toBe(false);
    expect(c.refreshCron).toBe("*/15 * * * *");
    expect(c.depeg.bandBp).toBe(50);
    expect(c.problems).toHaveLength(2);
  });

  it("chain families", () => {
    expect(chainFamily("tron")).toBe("tron");
    expect(chainFamily("solana")).toBe("solana");
    expect(chainFamily("arbitrum")).toBe("evm");
    expect(chainFamily("ton")).toBeNull();
  });
});
