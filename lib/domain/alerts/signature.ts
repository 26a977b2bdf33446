// Webhook signatures (issue 20). Every webhook request carries
//
//   X-USD1-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>
//
// where the HMAC key is the subscription's secret (the string shown once when
// subscribing, UTF-8) and the message is `${t}.${body}`, body being the exact
// bytes of the request body. A receiver recomputes the HMAC, compares in
// constant time, and refuses a timestamp too far from its clock (replays).
// Several v1= entries may appear (e.g. during a secret rotation); one match is
// enough. Pure JavaScript (@noble/hashes), so it runs anywhere.
import { hmac } from "@noble/hashes/hmac";
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

export const SIGNATURE_HEADER = "X-USD1-Signature";
export const EVENT_ID_HEADER = "X-USD1-Event-Id";
export const EVENT_KIND_HEADER = "X-USD1-Event-Kind";
export const DELIVERY_ATTEMPT_HEADER = "X-USD1-Delivery-Attempt";
/** Default tolerance between the signature's timestamp and the receiver's clock. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Hex HMAC-SHA256 of `${timestamp}.${body}` under `secret`. */
export function signatureHex(secret: string, timestamp: number, body: string): string {
  return bytesToHex(hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`${timestamp}.${body}`)));
}

/** The header value: "t=<unix seconds>,v1=<hex>". `timestamp` in whole seconds. */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  if (!Number.isInteger(timestamp) || timestamp < 0) throw new RangeError("timestamp must be whole seconds since the epoch");
  return `t=${timestamp},v1=${signatureHex(secret, timestamp, body)}`;
}

/** Parses "t=…,v1=…[,v1=…]"; null when malformed. */
export function parseSignatureHeader(header: string | null | undefined): { timestamp: number; signatures: string[] } | null {
  if (!header || header.length > 2000) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") {
      if (!/^\d{1,12}$/.test(value) || timestamp !== null) return null;
      timestamp = Number(value);
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/.test(value)) return null;
      signatures.push(value);
    }
    // other schemes (v0, …) are ignored, as a receiver should
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/** Compares two strings in time that depends only on their length. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type SignatureCheck = "ok" | "malformed" | "mismatch" | "too_old" | "too_new";

/**
 * Checks a signature header against the body received. `now` in milliseconds
 * (the receiver's clock, e.g. Date.now(): lib/domain reads no clock itself); a
 * timestamp more than `toleranceSeconds` away is refused.
 */
export function checkWebhookSignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  opts: { now: number; toleranceSeconds?: number },
): SignatureCheck {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return "malformed";
  const expected = signatureHex(secret, parsed.timestamp, body);
  // Every candidate is compared (no early exit on a match), in constant time each.
  let match = false;
  for (const s of parsed.signatures) match = constantTimeEqual(s, expected) || match;
  if (!match) return "mismatch";
  const tolerance = opts.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS;
  const nowSeconds = Math.floor(opts.now / 1000);
  if (parsed.timestamp < nowSeconds - tolerance) return "too_old";
  if (parsed.timestamp > nowSeconds + tolerance) return "too_new";
  return "ok";
}

/** true when the signature is valid and recent. */
export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | null | undefined,
  opts: { now: number; toleranceSeconds?: number },
): boolean {
  return checkWebhookSignature(secret, body, header, opts) === "ok";
}
