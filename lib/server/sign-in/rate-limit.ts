import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
// Sign-in throttling. Attempts live in PostgreSQL, so the limits hold across
// instances and restarts. There is no lock an attacker could keep an owner out
// with; instead:
// - Per account, a wait that grows with consecutive failures (none for the
//   first five, then 30 s doubling up to 5 minutes after the last failure),
//   counted twice: over the whole account, and for the account from this
//   network. "Consecutive" means since the last success (for the pair, since
//   the last success from this network), within a day.
// - A network that signed in to the account within 30 days is exempt from the
//   account-wide wait: failures from elsewhere cannot keep its owner out. It
//   still waits for its own failures on the account.
// - Per network, whatever the accounts: 20 failures in 15 minutes close that
//   network until the oldest leaves the window.
// Refused ("blocked") attempts are recorded but never counted, so trying again
// while refused does not lengthen the wait; only a checked password does.
// The network is the client address (lib/domain/client-address.ts): taken
// from the connection, so a made-up X-Forwarded-For changes nothing.
import { clientAddress, REMOTE_ADDRESS_HEADER } from "@/lib/domain/client-address";
import { env } from "@/lib/server/env";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const SIGN_IN_LIMITS = {
  /** Per network, across accounts: at most `perIp` failures in this sliding window. */
  windowMs: 15 * MINUTE,
  perIp: 20,
  /** Per account: this many consecutive failures cost no wait… */
  freeFailures: 5,
  /** …then the next attempt waits this long after the last failure, doubling per failure… */
  firstDelayMs: 30_000,
  /** …up to this. */
  maxDelayMs: 5 * MINUTE,
  /** Failures older than this are no longer "consecutive". */
  failureMemoryMs: DAY,
  /** A network with a success to the account within this time is exempt from the account-wide wait. */
  knownNetworkMs: 30 * DAY,
  /** Failed and refused attempts older than this are deleted; successes after `knownNetworkMs`. */
  keepMs: DAY,
} as const;

/** The wait after `failures` consecutive failures, in milliseconds. */
export function failureDelayMs(failures: number): number {
  const { freeFailures, firstDelayMs, maxDelayMs } = SIGN_IN_LIMITS;
  if (failures < freeFailures) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - freeFailures, 20));
}

/** Failures past this many do not lengthen the wait, so they need not be read. */
const FAILURES_TO_CAP = (() => {
  let n = SIGN_IN_LIMITS.freeFailures;
  while (failureDelayMs(n) < SIGN_IN_LIMITS.maxDelayMs) n += 1;
  return n;
})();

export interface LimitState {
  blocked: boolean;
  retryAt?: Date;
  message?: string;
}

function waitMessage(who: string, retryAt: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const at = retryAt.toISOString().slice(11, 19);
  return `Too many failed sign-in attempts ${who}. Try again in ${wait} (at ${at} UTC).`;
}

async function lastSuccess(tx: Prisma.TransactionClient, where: Prisma.SignInAttemptWhereInput, since: Date): Promise<Date | null> {
  const row = await tx.signInAttempt.findFirst({
    where: { ...where, outcome: "succeeded", at: { gt: since } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  return row?.at ?? null;
}

/** When the wait after the consecutive failures matching `where` since `since` ends, or null if there is none. */
async function delayedUntil(tx: Prisma.TransactionClient, where: Prisma.SignInAttemptWhereInput, since: Date): Promise<Date | null> {
  const failures = await tx.signInAttempt.findMany({
    where: { ...where, outcome: "failed", at: { gt: since } },
    orderBy: { at: "desc" },
    take: FAILURES_TO_CAP,
    select: { at: true },
  });
  const delay = failureDelayMs(failures.length);
  return delay > 0 ? new Date(failures[0]!.at.getTime() + delay) : null;
}

/** When the oldest of the network's last `perIp` failures leaves the window, or null if fewer. */
async function networkClosedUntil(tx: Prisma.TransactionClient, ip: string, windowStart: Date): Promise<Date | null> {
  const failures = await tx.signInAttempt.findMany({
    where: { ip, outcome: "failed", at: { gt: windowStart } },
    orderBy: { at: "desc" },
    take: SIGN_IN_LIMITS.perIp,
    select: { at: true },
  });
  if (failures.length < SIGN_IN_LIMITS.perIp) return null;
  return new Date(failures[SIGN_IN_LIMITS.perIp - 1]!.at.getTime() + SIGN_IN_LIMITS.windowMs);
}

const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

export async function signInLimit(tx: Prisma.TransactionClient, email: string, ip: string | null, now = new Date()): Promise<LimitState> {
  const memoryStart = new Date(now.getTime() - SIGN_IN_LIMITS.failureMemoryMs);
  if (ip) {
    const network = await networkClosedUntil(tx, ip, new Date(now.getTime() - SIGN_IN_LIMITS.windowMs));
    if (network && network > now) return { blocked: true, retryAt: network, message: waitMessage("from your network", network, now) };
  }
  const consecutiveSince = (success: Date | null) => (success && success > memoryStart ? success : memoryStart);
  // This network on this account: its own failures since its own last success.
  const pairSuccess = ip ? await lastSuccess(tx, { email, ip }, new Date(now.getTime() - SIGN_IN_LIMITS.knownNetworkMs)) : null;
  const pair = ip ? await delayedUntil(tx, { email, ip }, consecutiveSince(pairSuccess)) : null;
  // A network the account signed in from lately is not held up by failures from elsewhere.
  const account = pairSuccess ? null : await delayedUntil(tx, { email }, consecutiveSince(await lastSuccess(tx, { email }, memoryStart)));
  const until = later(pair, account);
  if (until && until > now) return { blocked: true, retryAt: until, message: waitMessage("for this account", until, now) };
  return { blocked: false };
}

export async function recordAttempt(
  tx: Prisma.TransactionClient,
  email: string | null,
  ip: string | null,
  outcome: "succeeded" | "failed" | "blocked",
): Promise<void> {
  await tx.signInAttempt.create({ data: { email, ip, outcome } });
  // Pruned on every attempt (index ranges on "at", empty most of the time), so a
  // flood of failures cannot grow the table beyond a day of attempts. Successes
  // stay for a month: they are what makes a network "known" to an account.
  const now = Date.now();
  await tx.signInAttempt.deleteMany({ where: { at: { lt: new Date(now - SIGN_IN_LIMITS.knownNetworkMs) } } });
  await tx.signInAttempt.deleteMany({
    where: { at: { lt: new Date(now - SIGN_IN_LIMITS.keepMs) }, outcome: { in: ["failed", "blocked"] } },
  });
}

let warnedNoAddress = false;

/**
 * The client's address for the per-network limits: the connection's remote
 * address, which our server (scripts/server.ts) passes in a header of its own,
 * read through X-Forwarded-For only as far as TRUST_PROXY trusts proxies. Null
 * when the request did not come through that server.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string | null {
  if (!headers) return null;
  const read = (name: string) => {
    const raw = headers instanceof Headers ? headers.get(name) : headers[name];
    return Array.isArray(raw) ? raw.join(",") : raw;
  };
  const socket = read(REMOTE_ADDRESS_HEADER);
  if (!socket && !warnedNoAddress) {
    warnedNoAddress = true;
    console.warn(
      `[sign-in] a request without ${REMOTE_ADDRESS_HEADER}: per-network limits need the app served by scripts/server.ts (npm start)`,
    );
  }
  return clientAddress({ socket, forwardedFor: read("x-forwarded-for"), trust: env().TRUST_PROXY });
}
