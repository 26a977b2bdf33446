import "server-only";

// Where a webhook may be sent (issue 20). A URL whose host is, or resolves to,
// a loopback, private, link-local (cloud metadata) or otherwise non-public
// address is refused (lib/domain/alerts/private-address.ts), unless
// WEBHOOK_ALLOW_PRIVATE=true. Checked twice:
// - at subscription (checkWebhookTarget), so the subscriber hears at once;
// - at every send, on the very address the connection uses: postWebhook
//   resolves through guardedLookup, so a name that later resolves elsewhere
//   (DNS rebinding) is refused at connect time, and redirects are never followed.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

import { ipLiteralHost, privateAddressReason } from "@/lib/domain/alerts/private-address";

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** How a host name resolves (dns.lookup with all: true by default; tests may replace it). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

export type TargetCheck =
  { ok: true; addresses: string[] } | { ok: false; code: "private_address" | "unresolvable" | "invalid"; reason: string };

export async function checkWebhookTarget(rawUrl: string, opts: { allowPrivate: boolean; resolve?: Resolver }): Promise<TargetCheck> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, code: "invalid", reason: "not a URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, code: "invalid", reason: "must be http or https" };
  const literal = ipLiteralHost(url);
  let addresses: string[];
  if (literal) addresses = [literal];
  else {
    try {
      addresses = (await (opts.resolve ?? systemResolver)(url.hostname)).map((a) => a.address);
    } catch (err) {
      return {
        ok: false,
        code: "unresolvable",
        reason: `${url.hostname} does not resolve (${(err as NodeJS.ErrnoException).code ?? "error"})`,
      };
    }
    if (addresses.length === 0) return { ok: false, code: "unresolvable", reason: `${url.hostname} does not resolve` };
  }
  if (!opts.allowPrivate) {
    for (const a of addresses) {
      const why = privateAddressReason(a);
      if (why)
        return { ok: false, code: "private_address", reason: literal ? `${a} is ${why}` : `${url.hostname} resolves to ${a}, ${why}` };
    }
  }
  return { ok: true, addresses };
}

/** A net lookup that refuses non-public addresses (the connection then fails with that error). */
export function guardedLookup(allowPrivate: boolean, resolve: Resolver = systemResolver): LookupFunction {
  return ((
    hostname: string,
    options: dns.LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname)
      .then((list) => {
        const wanted = options.family === 4 || options.family === 6 ? list.filter((a) => a.family === options.family) : list;
        if (wanted.length === 0) throw Object.assign(new Error(`${hostname} does not resolve`), { code: "ENOTFOUND" });
        if (!allowPrivate) {
          for (const a of wanted) {
            const why = privateAddressReason(a.address);
            if (why) throw Object.assign(new Error(`refused: ${hostname} resolves to ${a.address}, ${why}`), { code: "EPRIVATEADDRESS" });
          }
        }
        if (options.all)
          callback(
            null,
            wanted.map((a) => ({ address: a.address, family: a.family })),
          );
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      })
      .catch((err: NodeJS.ErrnoException) => callback(err, "", 0));
  }) as LookupFunction;
}

export interface WebhookResponse {
  status: number;
  /** The first bytes of the answer, for the delivery log. */
  bodySnippet: string;
}

/**
 * POSTs a JSON body. Resolves with the HTTP status (any status: the caller
 * decides what is success); rejects on a refused address, a connection error
 * or the timeout. Never follows a redirect.
 */
export function postWebhook(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  opts: { timeoutMs: number; allowPrivate: boolean; resolve?: Resolver },
): Promise<WebhookResponse> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      reject(new Error("not a URL"));
      return;
    }
    const literal = ipLiteralHost(url);
    // An IP literal skips the lookup, so it is checked here.
    if (literal && !opts.allowPrivate) {
      const why = privateAddressReason(literal);
      if (why) {
        reject(Object.assign(new Error(`refused: ${literal} is ${why}`), { code: "EPRIVATEADDRESS" }));
        return;
      }
    }
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(opts.allowPrivate, opts.resolve),
        timeout: opts.timeoutMs,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < 1024) chunks.push(c);
          size += c.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, bodySnippet: Buffer.concat(chunks).toString("utf8").slice(0, 300) }));
        res.on("error", reject);
      },
    );
    // The whole exchange, not only idle time, is bounded.
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error(`no answer within ${opts.timeoutMs} ms`), { code: "ETIMEDOUT" })),
      opts.timeoutMs,
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer within ${opts.timeoutMs} ms`), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.on("close", () => clearTimeout(timer));
    req.end(body);
  });
}
