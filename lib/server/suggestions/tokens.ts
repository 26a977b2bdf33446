import "server-only";
// Spam resistance without a third party: the form carries a signed timestamp
// (HMAC with NEXTAUTH_SECRET), so a submission sooner than a person can fill
// the form, or with a forged or stale stamp, is refused. The follow token is
// random; only its SHA-256 is stored.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/server/env";

export const FORM_TIMING = { minMs: 3_000, maxMs: 2 * 3600_000 } as const;

// Without a configured secret (development), a per-process one: stamps then only
// verify on the instance that issued them, which is enough there.
let fallbackSecret: string | undefined;
function secret(): string {
  return env().NEXTAUTH_SECRET ?? (fallbackSecret ??= randomBytes(32).toString("hex"));
}

const sign = (ms: string) => createHmac("sha256", secret()).update(`suggestion-form:${ms}`).digest("base64url");

export function issueFormStamp(now = Date.now()): string {
  const ms = String(now);
  return `${ms}.${sign(ms)}`;
}

export type StampCheck = "ok" | "invalid" | "too_fast" | "expired";

export function checkFormStamp(stamp: string | undefined | null, now = Date.now()): StampCheck {
  const [ms, mac] = (stamp ?? "").split(".");
  if (!ms || !mac || !/^\d{1,15}$/.test(ms)) return "invalid";
  const expected = Buffer.from(sign(ms));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  const age = now - Number(ms);
  if (age < FORM_TIMING.minMs) return "too_fast";
  if (age > FORM_TIMING.maxMs) return "expired";
  return "ok";
}

export const newFollowToken = () => randomBytes(24).toString("base64url");
export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
/** Tokens are base64url of 24 bytes; anything else is not looked up. */
export const isFollowTokenShape = (s: string) => /^[A-Za-z0-9_-]{32}$/.test(s);
