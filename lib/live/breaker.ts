// Circuit breaker per endpoint: after `threshold` consecutive failures it
// opens (calls are skipped); after a cool-down one probe is let through
// ("half-open"); a success closes it, a failed probe reopens it with a longer
// cool-down (doubling, capped).

export interface BreakerState {
  consecutiveFailures: number;
  openedAt: Date | null;
  nextProbeAt: Date | null;
}

export interface BreakerPolicy {
  threshold: number;
  coolDownMs: number;
  maxCoolDownMs: number;
}

export const CLOSED: BreakerState = { consecutiveFailures: 0, openedAt: null, nextProbeAt: null };

export type BreakerDecision = "closed" | "probe" | "open";

/** May the endpoint be called now? "probe" = the breaker is open but its cool-down is over. */
export function breakerDecision(state: BreakerState | null, now: Date): BreakerDecision {
  if (!state || state.openedAt === null) return "closed";
  if (state.nextProbeAt !== null && now.getTime() >= state.nextProbeAt.getTime()) return "probe";
  return "open";
}

export function breakerOnSuccess(): BreakerState {
  return { ...CLOSED };
}

export function breakerOnFailure(state: BreakerState | null, now: Date, policy: BreakerPolicy): BreakerState {
  const failures = (state?.consecutiveFailures ?? 0) + 1;
  if (failures < policy.threshold) return { consecutiveFailures: failures, openedAt: null, nextProbeAt: null };
  // Opening now, or a failed probe: the cool-down doubles with each failure past the threshold.
  const doublings = Math.min(failures - policy.threshold, 20);
  const coolDown = Math.min(policy.coolDownMs * 2 ** doublings, policy.maxCoolDownMs);
  return {
    consecutiveFailures: failures,
    openedAt: state?.openedAt ?? now,
    nextProbeAt: new Date(now.getTime() + coolDown),
  };
}

export function breakerLabel(state: BreakerState | null, now: Date): "closed" | "open" | "half-open" {
  const d = breakerDecision(state, now);
  return d === "closed" ? "closed" : d === "probe" ? "half-open" : "open";
}
