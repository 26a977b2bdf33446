import "server-only";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { breakerOnFailure, breakerOnSuccess, type BreakerPolicy, type BreakerState } from "@/lib/live/breaker";

export async function loadBreaker(prisma: PrismaClient, endpointId: string): Promise<BreakerState | null> {
  const row = await prisma.liveBreaker.findUnique({ where: { endpointId } });
  return row ? { consecutiveFailures: row.consecutiveFailures, openedAt: row.openedAt, nextProbeAt: row.nextProbeAt } : null;
}

export async function recordSuccess(prisma: PrismaClient, endpointId: string, now: Date): Promise<void> {
  const s = breakerOnSuccess();
  await prisma.liveBreaker.upsert({
    where: { endpointId },
    create: { endpointId, ...s, lastSuccessAt: now },
    update: { ...s, lastSuccessAt: now },
  });
}

/** `notBefore`: a Retry-After the endpoint asked for, which the next probe honours. */
export async function recordFailure(
  prisma: PrismaClient,
  endpointId: string,
  now: Date,
  error: string,
  policy: BreakerPolicy,
  notBefore?: Date | null,
): Promise<BreakerState> {
  const next = breakerOnFailure(await loadBreaker(prisma, endpointId), now, policy);
  if (notBefore && (!next.nextProbeAt || next.nextProbeAt < notBefore)) {
    next.nextProbeAt = notBefore;
    next.openedAt ??= now;
  }
  await prisma.liveBreaker.upsert({
    where: { endpointId },
    create: { endpointId, ...next, lastFailureAt: now, lastError: error.slice(0, 2000) },
    update: { ...next, lastFailureAt: now, lastError: error.slice(0, 2000) },
  });
  return next;
}
