// Webhook signatures (lib/domain/alerts/signature.ts): HMAC-SHA256 over
// `${t}.${body}`, header "t=<unix>,v1=<hex>", verified in constant time with a
// timestamp tolerance. Checked against node:crypto, an independent implementation.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";

import {
  checkWebhookSignature,
  constantTimeEqual,
  parseSignatureHeader,
  signWebhook,
  verifyWebhookSignature,
} from "@/lib/domain/alerts/signature";

const secret = "whsec_test-secret-0123456789";
const body = JSON.stringify({ id: "42", kind: "report_published", figures: [{ text: "≈ $39.7 B" }] });
const t = 1_765_000_000;
const now = t * 1000;

describe("webhook signatures", () => {
  it("signs t=<unix>,v1=<HMAC-SHA256 of `${t}.${body}`> as node:crypto computes it", () => {
    const header = signWebhook(secret, body, t);
    const expected = createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest("hex");
    expect(header).toBe(`t=${t},v1=${expected}`);
  });

  it("verifies its own signature, and refuses any change of body, secret or timestamp", () => {
    const header = signWebhook(secret, body, t);
    expect(verifyWebhookSignature(secret, body, header, { now })).toBe(true);
    expect(checkWebhookSignature(secret, `${body} `, header, { now })).toBe("mismatch");
    expect(checkWebhookSignature(`${secret}x`, body, header, { now })).toBe("mismatch");
    expect(checkWebhookSignature(secret, body, header.replace(`t=${t}`, `t=${t + 1}`), { now })).toBe("mismatch");
    // one flipped hex digit
    const last = header.at(-1)!;
    expect(checkWebhookSignature(secret, body, header.slice(0, -1) + (last === "0" ? "1" : "0"), { now })).toBe("mismatch");
  });

  it("refuses a stale or future timestamp beyond the tolerance (replays)", () => {
    const header = signWebhook(secret, body, t);
    expect(checkWebhookSignature(secret, body, header, { now: now + 301_000 })).toBe("too_old");
    expect(checkWebhookSignature(secret, body, header, { now: now - 301_000 })).toBe("too_new");
    expect(checkWebhookSignature(secret, body, header, { now: now + 299_000 })).toBe("ok");
    expect(checkWebhookSignature(secret, body, header, { now: now + 3_600_000, toleranceSeconds: 7200 })).toBe("ok");
  });

  it("accepts several v1 entries (rotation) and ignores unknown schemes; refuses malformed headers", () => {
    const good = signWebhook(secret, body, t).split(",v1=")[1]!;
    expect(verifyWebhookSignature(secret, body, `t=${t},v0=abc,v1=${"0".repeat(64)},v1=${good}`, { now })).toBe(true);
    for (const bad of [
      null,
      "",
      "v1=abc",
      `t=${t}`,
      `t=abc,v1=${good}`,
      `t=${t},v1=${good.toUpperCase()}`,
      `t=${t},t=${t},v1=${good}`,
      `t=${t};v1=${good}`,
    ]) {
      expect(checkWebhookSignature(secret, body, bad, { now })).toBe("malformed");
    }
    expect(parseSignatureHeader(`t=${t},v1=${good}`)).toEqual({ timestamp: t, signatures: [good] });
  });

  it("compares in constant time per length", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
  });

  it("refuses a timestamp that is not whole seconds", () => {
    expect(() => signWebhook(secret, body, 1.5)).toThrow(RangeError);
    expect(() => signWebhook(secret, body, -1)).toThrow(RangeError);
  });
});
