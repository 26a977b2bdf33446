// The Redis cache handlers' pure parts (lib/cache-handlers/redis-store.mjs) and the switch
// in next.config.ts that turns them on from the environment at start.
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { describe, expect, it } from "vitest";

import { judgeTags, MAX_TTL_SECONDS, settings, tagFields, ttlSeconds } from "@/lib/cache-handlers/redis-store.mjs";
import { cacheConfig } from "@/next.config";

describe("tag state", () => {
  const now = 1_000_000;
  it("records an immediate expiry as Next's handlers do (revalidateTag(tag, { expire: 0 }) and updateTag)", () => {
    expect(tagFields(["issuers"], { expire: 0 }, now)).toEqual({ "s:issuers": String(now), "e:issuers": String(now) });
    expect(tagFields(["a", "b"], undefined, now)).toEqual({ "e:a": String(now), "e:b": String(now) });
    // 'max': stale now, expired only after the profile's expire.
    expect(tagFields(["a"], { expire: 60 }, now)).toEqual({ "s:a": String(now), "e:a": String(now + 60_000) });
  });

  it("an entry made before a tag expired is a miss; one made after is kept", () => {
    expect(judgeTags([now - 10, undefined], now - 20, now)).toEqual({ expired: true, stale: false });
    expect(judgeTags([now - 10, undefined], now - 5, now)).toEqual({ expired: false, stale: false });
    expect(judgeTags([undefined, undefined, now - 10, now - 10], now - 20, now).expired).toBe(true);
  });

  it("an expiry in the future only marks the entry stale until it comes", () => {
    expect(judgeTags([now + 60_000, now - 10], now - 20, now)).toEqual({ expired: false, stale: true });
    expect(judgeTags([undefined, undefined], now - 20, now)).toEqual({ expired: false, stale: false });
  });

  it("keeps entries at most a month, and as long as their life says below that", () => {
    expect(ttlSeconds(undefined)).toBe(MAX_TTL_SECONDS);
    expect(ttlSeconds(3600)).toBe(3600);
    expect(ttlSeconds(10 * MAX_TTL_SECONDS)).toBe(MAX_TTL_SECONDS);
    expect(ttlSeconds(0)).toBe(MAX_TTL_SECONDS);
  });

  it("reads its settings from the environment, with the documented defaults", () => {
    expect(settings({})).toMatchObject({ url: "", prefix: "usd1:", commandTimeoutMs: 500, writeTimeoutMs: 2_000, logIntervalMs: 30_000 });
    expect(settings({ REDIS_URL: "redis://r:6379", REDIS_PREFIX: "site2:", REDIS_COMMAND_TIMEOUT_MS: "100" })).toMatchObject({
      url: "redis://r:6379",
      prefix: "site2:",
      commandTimeoutMs: 100,
    });
  });
});

describe("next.config.ts", () => {
  it("uses both Redis handlers and no in-process cache when REDIS_URL is set at start", () => {
    const c = cacheConfig(PHASE_PRODUCTION_SERVER, { REDIS_URL: "redis://127.0.0.1:6379" });
    expect(c.cacheHandler).toMatch(/lib[/\\]cache-handlers[/\\]incremental\.mjs$/);
    expect(c.cacheHandlers?.default).toMatch(/lib[/\\]cache-handlers[/\\]use-cache\.mjs$/);
    expect(c.cacheHandlers?.remote).toBe(c.cacheHandlers?.default);
    expect(c.cacheMaxMemorySize).toBe(0);
  });

  it("keeps Next's own cache without REDIS_URL, and for `next build` (same build either way)", () => {
    expect(cacheConfig(PHASE_PRODUCTION_SERVER, {})).toEqual({});
    expect(cacheConfig(PHASE_PRODUCTION_BUILD, { REDIS_URL: "redis://127.0.0.1:6379" })).toEqual({});
  });
});
