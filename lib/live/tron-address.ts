// Tron addresses: base58check of 0x41 ‖ 20-byte account (what users see,
// "T…") ↔ the 20-byte hex that Tron's Ethereum-compatible /jsonrpc expects
// (without the 41 prefix).
import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils";
import { createBase58check } from "@scure/base";

const b58c = createBase58check(sha256);

/** "TR7NHq…" → "0xa614f803b6fd780986a42c78ec9c7f77e6ded13c"; throws on a bad checksum or prefix. */
export function tronToHex(base58: string): `0x${string}` {
  const bytes = b58c.decode(base58.trim());
  if (bytes.length !== 21 || bytes[0] !== 0x41) throw new Error(`not a Tron address (expected 0x41 + 20 bytes): ${base58}`);
  return `0x${bytesToHex(bytes.subarray(1))}`;
}

/** "0x…" (20 bytes, with or without the 41 prefix) → base58check "T…". */
export function hexToTron(hex: string): string {
  let h = hex.toLowerCase().replace(/^0x/, "");
  if (h.length === 42 && h.startsWith("41")) h = h.slice(2);
  if (!/^[0-9a-f]{40}$/.test(h)) throw new Error(`not a 20-byte hex address: ${hex}`);
  const bytes = new Uint8Array(21);
  bytes[0] = 0x41;
  bytes.set(hexToBytes(h), 1);
  return b58c.encode(bytes);
}
