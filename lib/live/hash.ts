import { sha256 } from "@noble/hashes/sha2";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";

/** SHA-256 (hex) of a raw response body, kept with every reading taken from it. */
export function sha256Hex(body: string | Uint8Array): string {
  return bytesToHex(sha256(typeof body === "string" ? utf8ToBytes(body) : body));
}
