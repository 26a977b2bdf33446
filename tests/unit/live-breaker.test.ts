import { describe, expect, it } from "vitest";

import { breakerDecision, breakerLabel, breakerOnFailure, breakerOnSuccess, type BreakerState } from "@/lib/live/breaker";

const policy = { threshold: 3, coolDownMs: 60_000, maxCoolDownMs: 300_000 };
const t = (s: number) => new Date(Date.UTC(2026, 11, 6, 12, 0, s));

describe("circuit breaker", () => {
  it("opens after N consecutive failures, probes after the cool-down, closes on success", () => {
    let s: BreakerState | null = null;
    s = breakerOnFailure(s, t(0), policy);
    s = breakerOnFailure(s, t(1), policy);
    expect(breakerDecision(s, t(2))).toBe("closed");
    s = breakerOnFailure(s, t(2), policy);
    expect(s.openedAt).toEqual(t(2));
    expect(breakerDecision(s, t(30))).toBe("open");
    expect(breakerLabel(s, t(30))).toBe("open");
    expect(breakerDecision(s, t(62))).toBe("probe");
    // a failed probe reopens with a doubled cool-down
    s = breakerOnFailure(s, t(62), policy);
    expect(s.nextProbeAt!.getTime() - t(62).getTime()).toBe(120_000);
    expect(breakerDecision(s, t(150))).toBe("open");
    expect(breakerDecision(s, new Date(t(62).getTime() + 120_000))).toBe("probe");
    s = breakerOnSuccess();
    expect(breakerDecision(s, t(63))).toBe("closed");
    expect(s.consecutiveFailures).toBe(0);
  });

  it("caps the cool-down", () => {
    let s: BreakerState | null = null;
    for (let i = 0; i < 30; i++) s = breakerOnFailure(s, t(0), policy);
    expect(s!.nextProbeAt!.getTime() - t(0).getTime()).toBe(300_000);
  });
});
