// The editor's live sources of an issuer (issue 19): token deployments,
// published reserve addresses, on-chain reserve feeds and transparency
// endpoints. One schema per kind, shared by the editor's forms (live
// validation) and the commands in lib/server/commands/live-sources.ts.
// Addresses are checked by the chain's family: EVM 0x + 40 hex (stored
// lower-case, as data/live-sources/ loads them), Tron base58check (T…),
// Solana base58 of 32 bytes.
import { base58 } from "@scure/base";
import { z } from "zod";

import { ADAPTERS } from "@/lib/live/adapters";
import { chainFamily } from "@/lib/live/config";
import { tronToHex } from "@/lib/live/tron-address";

import { httpUrl, optionalText, requiredText, slug } from "./common";

export const ADAPTER_NAMES = Object.keys(ADAPTERS) as [string, ...string[]];

const CHAIN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const chainKey = z
  .string({ error: "required" })
  .trim()
  .min(2, "at least 2 characters")
  .max(40, "at most 40 characters")
  .regex(CHAIN, "a lower-case chain key: letters, digits and single hyphens (ethereum, tron, solana, polygon-zkevm)")
  .refine((c) => chainFamily(c) !== null, "no reader for this chain yet (TON, Aptos, NEAR, Sui, Stellar, … are not read)");

/** Why an address is not one of this chain's, or null when it is. */
export function addressProblem(chain: string, address: string): string | null {
  const family = chainFamily(chain);
  if (family === "evm") return /^0x[0-9a-fA-F]{40}$/.test(address) ? null : "an EVM address: 0x followed by 40 hexadecimal characters";
  if (family === "tron") {
    try {
      tronToHex(address);
      return null;
    } catch {
      return "a Tron address in base58 (T…), with a valid checksum";
    }
  }
  if (family === "solana") {
    try {
      return base58.decode(address).length === 32 ? null : "a Solana address: base58 of 32 bytes";
    } catch {
      return "a Solana address: base58 of 32 bytes";
    }
  }
  return null; // the chain itself is refused
}

/** As stored: EVM addresses lower-case (one contract is one record whatever case a source used). */
export const normaliseAddress = (chain: string, address: string) => (chainFamily(chain) === "evm" ? address.toLowerCase() : address);

const address = z.string({ error: "required" }).trim().min(1, "required").max(100, "at most 100 characters");

/** A whole number 0-36, from a number or the form's text. */
const decimalsField = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v),
  z
    .number({ error: "a whole number from 0 to 36" })
    .int("a whole number from 0 to 36")
    .min(0, "a whole number from 0 to 36")
    .max(36, "a whole number from 0 to 36"),
);

/** Blank (read decimals() at run time) or 0-36. */
const optionalDecimals = z.preprocess((v) => (v === "" || v === undefined ? null : v), decimalsField.nullable());

const enabled = z.boolean({ error: "true or false" }).default(true);

/** Checks an address field against the record's chain, once the chain itself is valid. */
function checkAddress(ctx: z.RefinementCtx, chain: string, value: string, field: string) {
  if (!CHAIN.test(chain) || chainFamily(chain) === null) return;
  const problem = addressProblem(chain, value);
  if (problem) ctx.addIssue({ code: "custom", path: [field], message: `must be ${problem}` });
}

export const liveDeploymentInput = z
  .object({
    issuerSlug: slug,
    chain: chainKey,
    /** Contract (EVM, Tron) or SPL mint (Solana). */
    address,
    decimals: decimalsField,
    symbol: requiredText(20),
    note: optionalText(1000),
    sourceUrl: httpUrl,
    enabled,
  })
  .strict()
  .superRefine((d, ctx) => checkAddress(ctx, d.chain, d.address, "address"))
  .transform((d) => ({ ...d, address: normaliseAddress(d.chain, d.address) }));
export type LiveDeploymentInput = z.infer<typeof liveDeploymentInput>;

export const liveReserveAddressInput = z
  .object({
    issuerSlug: slug,
    chain: chainKey,
    address,
    /** Symbol of the asset held, e.g. USDC. */
    asset: requiredText(20),
    /** Token contract whose balanceOf(address) is read. */
    assetAddress: address,
    assetDecimals: decimalsField,
    label: requiredText(300),
    sourceUrl: httpUrl,
    enabled,
  })
  .strict()
  .superRefine((a, ctx) => {
    checkAddress(ctx, a.chain, a.address, "address");
    checkAddress(ctx, a.chain, a.assetAddress, "assetAddress");
  })
  .transform((a) => ({ ...a, address: normaliseAddress(a.chain, a.address), assetAddress: normaliseAddress(a.chain, a.assetAddress) }));
export type LiveReserveAddressInput = z.infer<typeof liveReserveAddressInput>;

export const liveReserveFeedInput = z
  .object({
    issuerSlug: slug,
    chain: chainKey,
    feedAddress: address,
    /** Null: read decimals() on the feed at run time. */
    decimals: optionalDecimals,
    /** What the answer is, e.g. "USD reserves of TUSD". */
    reports: requiredText(300),
    /** Unit of the answer: USD, or the token's own units. */
    unit: requiredText(20),
    sourceUrl: httpUrl,
    enabled,
  })
  .strict()
  .superRefine((f, ctx) => checkAddress(ctx, f.chain, f.feedAddress, "feedAddress"))
  .transform((f) => ({ ...f, feedAddress: normaliseAddress(f.chain, f.feedAddress) }));
export type LiveReserveFeedInput = z.infer<typeof liveReserveFeedInput>;

export const liveEndpointInput = z
  .object({
    issuerSlug: slug,
    adapter: z.enum(ADAPTER_NAMES, { error: `must be one of: ${ADAPTER_NAMES.join(", ")}` }),
    /** What is fetched. */
    url: httpUrl,
    /** Where the endpoint is documented or linked from. */
    sourceUrl: httpUrl,
    enabled,
  })
  .strict();
export type LiveEndpointInput = z.infer<typeof liveEndpointInput>;

export const LIVE_SOURCE_KINDS = ["deployments", "reserve-addresses", "reserve-feeds", "endpoints"] as const;
export type LiveSourceKind = (typeof LIVE_SOURCE_KINDS)[number];
export const isLiveSourceKind = (s: unknown): s is LiveSourceKind =>
  typeof s === "string" && (LIVE_SOURCE_KINDS as readonly string[]).includes(s);

export const LIVE_SOURCE_SCHEMAS = {
  deployments: liveDeploymentInput,
  "reserve-addresses": liveReserveAddressInput,
  "reserve-feeds": liveReserveFeedInput,
  endpoints: liveEndpointInput,
} as const;

export type LiveSourceInput = {
  deployments: LiveDeploymentInput;
  "reserve-addresses": LiveReserveAddressInput;
  "reserve-feeds": LiveReserveFeedInput;
  endpoints: LiveEndpointInput;
};
