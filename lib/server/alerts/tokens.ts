import "server-only";

// Alert tokens (issue 20). Only SHA-256 hashes of tokens are stored.
// - The confirmation token is random, sent once in the confirmation e-mail.
// - The management token (also the one-click unsubscribe token) must appear in
//   every message, so it cannot be random-and-forgotten: it is an HMAC of the
//   subscription id under NEXTAUTH_SECRET (config.linkSecret). The database holds
//   only its hash, so a copy of the database alone opens no subscription.
//   Changing NEXTAUTH_SECRET changes the tokens: links already sent stop
//   working, and the next message carries a new one (delivery.ts re-stores the hash).
// - The webhook secret is random and stored as is (it is needed to sign); it is
//   shown once, in the subscribe answer, and erased when the subscription ends.
import { createHash, createHmac, randomBytes } from "node:crypto";

export const sha256Hex = (s: string) => createHash("sha256").update(s).digest("hex");

/** 24 random bytes, base64url (32 characters). */
export const newRandomToken = () => randomBytes(24).toString("base64url");

/** The management token of a subscription: HMAC-SHA256(secret, "alerts-manage:" + id), base64url, 32 characters. */
export function manageTokenFor(subscriptionId: string, secret: string): string {
  return createHmac("sha256", secret).update(`alerts-manage:${subscriptionId}`).digest("base64url").slice(0, 32);
}

/** Tokens are 32 base64url characters; anything else is not looked up. */
export const isTokenShape = (s: unknown): s is string => typeof s === "string" && /^[A-Za-z0-9_-]{32}$/.test(s);

/** "whsec_" + 32 random bytes, base64url. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/** The per-network limit's key: the client address is never stored, only this. */
export const networkHash = (ip: string) => sha256Hex(`alerts-network:${ip}`);
