import "server-only";

// Spam resistance without a third party: the form carries a signed timestamp
// (HMAC with NEXTAUTH_SECRET), so a submission sooner than a person can fill
// the form, or with a forged or stale stamp, is refused. A stamp works once:
// the SHA-256 of each used one is kept (table form_stamp) until the stamp
// expires, and claimed in the transaction that stores the suggestion. The
// follow token is random; only its SHA-256 is stored.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";

export const FORM_TIMING = { minMs: 3_000, maxMs: 2 * 3600_000 } as const;

// Without a configured secret (development), a per-process one: stamps then only
// verify on the instance that issued them, which is enough there.
let fallbackSecret: string | undefined;
function secret(): string {
  return env().NEXTAUTH_SECRET ?? (fallbackSecret ??= randomBytes(32).toString("hex"));
}

const sign = (payload: string) => createHmac("sha256", secret()).update(`suggestion-form:${payload}`).digest("base64url");

/** "<issued ms>.<random>.<mac>": the random part keeps two forms opened in the same millisecond apart, as each is single-use. */
export function issueFormStamp(now = Date.now()): string {
  const payload = `${now}.${randomBytes(12).toString("base64url")}`;
  return `${payload}.${sign(payload)}`;
}

export type StampCheck = "ok" | "invalid" | "too_fast" | "expired";

export function checkFormStamp(stamp: string | undefined | null, now = Date.now()): StampCheck {
  const [ms, nonce, mac, ...rest] = (stamp ?? "").split(".");
  if (!ms || !nonce || !mac || rest.length > 0 || !/^\d{1,15}$/.test(ms) || !/^[A-Za-z0-9_-]{16}$/.test(nonce)) return "invalid";
  const expected = Buffer.from(sign(`${ms}.${nonce}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  const age = now - Number(ms);
  if (age < FORM_TIMING.minMs) return "too_fast";
  if (age > FORM_TIMING.maxMs) return "expired";
  return "ok";
}

/**
 * Marks a stamp (already checked "ok") used, in the caller's transaction: true
 * the first time, false for a replay. The primary key makes it race-free: a
 * second transaction inserting the same hash waits for the first, then inserts
 * nothing if it committed (or the row if it rolled back, as its suggestion was
 * not stored either). Rows of expired stamps are deleted on the way: a row
 * expires when its stamp does, so cleaning up never lets a replay through.
 */
export async function claimFormStamp(tx: Prisma.TransactionClient, stamp: string, now = Date.now()): Promise<boolean> {
  // Instants as ISO strings with an explicit cast: no reliance on how the driver sends a Date.
  const expiresAt = new Date(Number(stamp.split(".")[0]) + FORM_TIMING.maxMs).toISOString();
  await tx.$executeRaw`DELETE FROM form_stamp WHERE expires_at < ${new Date(now).toISOString()}::timestamptz`;
  const claimed = await tx.$queryRaw<{ hash: string }[]>`
    INSERT INTO form_stamp (hash, expires_at) VALUES (${sha256(`form-stamp:${stamp}`)}, ${expiresAt}::timestamptz)
    ON CONFLICT (hash) DO NOTHING RETURNING hash`;
  return claimed.length === 1;
}

export const newFollowToken = () => randomBytes(24).toString("base64url");
export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** Tokens are base64url of 24 bytes; anything else is not looked up. */
export const isFollowTokenShape = (s: string) => /^[A-Za-z0-9_-]{32}$/.test(s);
