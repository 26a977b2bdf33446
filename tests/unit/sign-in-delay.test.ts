// The per-account wait after consecutive failed sign-ins: none at first, then
// doubling, capped, so it slows guessing without ever locking an owner out.
import { describe, expect, it } from "vitest";

import { failureDelayMs, SIGN_IN_LIMITS } from "@/lib/server/sign-in/rate-limit";

describe("the wait after consecutive sign-in failures", () => {
  it("is nothing until five failures, then 30 s, doubling per failure up to 5 minutes", () => {
    const seconds = Array.from({ length: 12 }, (_, n) => failureDelayMs(n) / 1000);
    expect(seconds).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 300, 300, 300]);
  });

  it("never exceeds the cap, however many failures", () => {
    for (const n of [50, 1_000, 1e9]) expect(failureDelayMs(n)).toBe(SIGN_IN_LIMITS.maxDelayMs);
    expect(SIGN_IN_LIMITS.maxDelayMs).toBeLessThanOrEqual(5 * 60_000);
  });
});
