import "server-only";
// Sign-in attempts are limited per account and per IP address. The attempts
// live in PostgreSQL, so the limit holds across several instances and
// restarts. Windows slide: an account opens again when its oldest counted
// failure leaves the window. A success clears the account's count; refused
// ("blocked") attempts are not counted, so an attacker who keeps trying cannot
// extend a legitimate user's wait indefinitely.
import type { Prisma } from "@/lib/generated/prisma/client";

export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60_000,
  perAccount: 5,
  perIp: 20,
  /** Attempts older than this are deleted. */
  keepMs: 24 * 3600_000,
} as const;

export interface LimitState {
  blocked: boolean;
  retryAt?: Date;
  message?: string;
}

function waitMessage(who: string, retryAt: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  const at = retryAt.toISOString().slice(11, 16);
  return `Too many failed sign-in attempts ${who}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"} (at ${at} UTC).`;
}

/** When the n-th most recent counted failure leaves the window, or null if fewer than n. */
async function retryAfter(
  tx: Prisma.TransactionClient,
  where: Prisma.SignInAttemptWhereInput,
  limit: number,
  since: Date,
): Promise<Date | null> {
  const failures = await tx.signInAttempt.findMany({
    where: { ...where, outcome: "failed", at: { gt: since } },
    orderBy: { at: "desc" },
    take: limit,
    select: { at: true },
  });
  if (failures.length < limit) return null;
  return new Date(failures[limit - 1]!.at.getTime() + SIGN_IN_LIMITS.windowMs);
}

export async function signInLimit(tx: Prisma.TransactionClient, email: string, ip: string | null, now = new Date()): Promise<LimitState> {
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const lastSuccess = await tx.signInAttempt.findFirst({
    where: { email, outcome: "succeeded", at: { gt: windowStart } },
    orderBy: { at: "desc" },
    select: { at: true },
  });
  const accountSince = lastSuccess?.at ?? windowStart;
  const account = await retryAfter(tx, { email }, SIGN_IN_LIMITS.perAccount, accountSince);
  if (account && account > now) return { blocked: true, retryAt: account, message: waitMessage("for this account", account, now) };
  if (ip) {
    const network = await retryAfter(tx, { ip }, SIGN_IN_LIMITS.perIp, windowStart);
    if (network && network > now) return { blocked: true, retryAt: network, message: waitMessage("from your network", network, now) };
  }
  return { blocked: false };
}

export async function recordAttempt(
  tx: Prisma.TransactionClient,
  email: string | null,
  ip: string | null,
  outcome: "succeeded" | "failed" | "blocked",
): Promise<void> {
  await tx.signInAttempt.create({ data: { email, ip, outcome } });
  // Pruned on every attempt (an index range on "at", empty most of the time), so
  // a flood of failures cannot grow the table beyond a day of attempts.
  await tx.signInAttempt.deleteMany({ where: { at: { lt: new Date(Date.now() - SIGN_IN_LIMITS.keepMs) } } });
}

/**
 * The client's address as the nearest proxy saw it: the last X-Forwarded-For
 * entry (Next sets the header from the socket when no proxy sent one). Behind
 * no proxy a client can write that header itself, which is why the per-account
 * limit never depends on it.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string | null {
  if (!headers) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last ? last.slice(0, 100) : null;
}
