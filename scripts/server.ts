// The production web server: Next's request handler behind a thin layer that
// adds what Next cannot give cached pages (a strict, hash-based CSP computed
// per response) and shuts down gracefully: on SIGTERM/SIGINT it stops taking
// connections, lets in-flight requests finish, then closes the database pools and
// the shared cache's Redis connection.
import http from "node:http";
import zlib from "node:zlib";
import next from "next";

import { closeRedis } from "../lib/cache-handlers/redis-store.mjs";
import { setRemoteAddressHeader } from "../lib/domain/client-address";
import {
  bodyEtag,
  chooseEncoding,
  compress,
  CompressedMemo,
  etagMatches,
  isDocumentRequest,
  MIN_COMPRESS_BYTES,
  PageMemo,
} from "./lib/compressed-memo";
import { contentSecurityPolicy, inlineScriptHashes } from "./lib/csp";
import { edgeRefusal } from "./lib/edge-guard";

const port = Number(process.env.PORT ?? 3000);
const dev = process.argv.includes("--dev");
const app = next({ dev, dir: process.cwd(), port, hostname: "localhost" });

type Chunk = Buffer | string | Uint8Array;

function decode(body: Buffer, encoding: string | undefined): string {
  if (encoding === "gzip") return zlib.gunzipSync(body).toString("utf8");
  if (encoding === "br") return zlib.brotliDecompressSync(body).toString("utf8");
  if (encoding === "deflate") return zlib.inflateSync(body).toString("utf8");
  return body.toString("utf8");
}

// The same cached page gives the same policy: remember it by ETag.
const policyByEtag = new Map<string, string>();
// …and the same compressed bytes (scripts/lib/compressed-memo.ts).
const compressedByEtag = new CompressedMemo(Number(process.env.COMPRESSED_MEMO_MB ?? 64) * 1024 * 1024);
// …and, by the page's HTML itself, its ETag and policy without encoding, hashing or scanning it again.
const pageFacts = new PageMemo(Number(process.env.PAGE_MEMO_MB ?? 64) * 1024 * 1024);

/** Buffers HTML responses to hash their inline scripts; everything else streams through untouched. */
function withCsp(req: http.IncomingMessage, res: http.ServerResponse) {
  const embeddable = (req.url ?? "").startsWith("/embed/");
  const forwardedHttps = req.headers["x-forwarded-proto"] === "https";
  if (forwardedHttps) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  const original = {
    write: res.write.bind(res),
    end: res.end.bind(res),
    writeHead: res.writeHead.bind(res),
    flushHeaders: res.flushHeaders.bind(res),
  };
  // Pages are asked for uncompressed and compressed here, once per ETag (see compressed-memo.ts).
  const encoding = isDocumentRequest(req.method, req.url, req.headers)
    ? chooseEncoding(req.headers["accept-encoding"] as string | undefined)
    : null;
  if (isDocumentRequest(req.method, req.url, req.headers)) delete req.headers["accept-encoding"];
  let mode: "undecided" | "buffer" | "pass" = "undecided";
  const chunks: Buffer[] = [];

  const decide = () => {
    if (mode !== "undecided") return;
    const type = String(res.getHeader("content-type") ?? "");
    // Responses that already carry a policy (nonce-based, from the editor area) keep it.
    mode = type.startsWith("text/html") && !res.getHeader("content-security-policy") ? "buffer" : "pass";
    if (mode === "pass" && !res.getHeader("content-security-policy")) {
      // A 304's headers replace the cached response's, so a hashless policy on one would block a
      // page's scripts on reload: 304s go out without a policy (pages get theirs in res.end below,
      // where this layer answers If-None-Match; Next sets no ETag on pages).
      if (res.statusCode !== 304) res.setHeader("Content-Security-Policy", contentSecurityPolicy([], { embeddable }));
    }
  };

  // Next flushes headers before streaming the body; for HTML they must wait for the hashes.
  res.flushHeaders = () => {
    decide();
    if (mode === "pass") original.flushHeaders();
  };

  // Node's implicit header write also goes through writeHead: HTML must not send
  // headers before its policy is known; everything else goes straight through.
  res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
    const [status, ...rest] = args;
    res.statusCode = status;
    const headers = rest.find((r) => r && typeof r === "object") as http.OutgoingHttpHeaders | undefined;
    if (headers && !Array.isArray(headers)) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
    decide();
    return mode === "pass" ? original.writeHead(res.statusCode) : res;
  }) as typeof res.writeHead;

  res.write = ((chunk: Chunk, ...rest: unknown[]) => {
    decide();
    if (mode === "pass") return (original.write as (c: Chunk, ...r: unknown[]) => boolean)(chunk, ...rest);
    chunks.push(Buffer.from(chunk as Uint8Array));
    const cb = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof res.write;

  res.end = ((chunk?: Chunk | (() => void), ...rest: unknown[]) => {
    decide();
    if (mode === "pass") return (original.end as (c?: unknown, ...r: unknown[]) => http.ServerResponse)(chunk, ...rest);
    const nextEncoding = res.getHeader("content-encoding") as string | undefined;
    // A cached page arrives whole, as one string: what we know of it is found by the string itself.
    const whole = chunks.length === 0 && typeof chunk === "string" && chunk.length > 0 && !nextEncoding ? chunk : null;
    if (chunk && typeof chunk !== "function" && whole === null) chunks.push(Buffer.from(chunk as Uint8Array));
    let body: Buffer | undefined;
    const bytes = () => (body ??= whole !== null ? Buffer.from(whole, "utf8") : Buffer.concat(chunks));
    let facts = whole !== null ? pageFacts.get(whole) : undefined;
    if (!facts) {
      const b = bytes();
      const etag = String(res.getHeader("etag") ?? "") || (b.length > 0 && res.statusCode === 200 ? bodyEtag(b) : "");
      let policy = etag ? policyByEtag.get(etag) : undefined;
      if (!policy) {
        policy = contentSecurityPolicy(inlineScriptHashes(decode(b, nextEncoding)), { embeddable });
        if (etag) {
          if (policyByEtag.size > 5_000) policyByEtag.clear();
          policyByEtag.set(etag, policy);
        }
      }
      facts = { etag, policy };
      if (whole !== null && etag) pageFacts.set(whole, facts);
    }
    if (facts.etag) res.setHeader("ETag", facts.etag);
    res.setHeader("Content-Security-Policy", facts.policy);
    const vary = String(res.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    res.writeHead = original.writeHead;
    res.removeHeader("Transfer-Encoding");
    // The reader's copy is current: headers only (with the page's own policy, see decide()).
    if (facts.etag && res.statusCode === 200 && etagMatches(req.headers["if-none-match"], facts.etag)) {
      res.statusCode = 304;
      res.removeHeader("Content-Length");
      return original.end();
    }
    const etag = facts.etag;
    let sent: Buffer | undefined;
    if (encoding && !nextEncoding && req.method !== "HEAD" && (whole?.length ?? bytes().length) >= MIN_COMPRESS_BYTES) {
      sent = etag ? compressedByEtag.get(etag, encoding) : undefined;
      if (!sent) {
        sent = compress(bytes(), encoding, etag ? "once" : "each");
        if (etag) compressedByEtag.set(etag, encoding, sent);
      }
      res.setHeader("Content-Encoding", encoding);
    }
    sent ??= bytes();
    res.setHeader("Content-Length", sent.length);
    return original.end(sent);
  }) as typeof res.end;
}

async function main() {
  await app.prepare();
  const handle = app.getRequestHandler();
  let closing = false;
  const inFlight = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    // Route handlers cannot see the socket: its address reaches them in this header
    // (lib/domain/client-address.ts), never a copy the client sent.
    setRemoteAddressHeader(req.headers, req.socket.remoteAddress);
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    // A request that arrives on an open keep-alive connection during shutdown is served, then the connection closes.
    if (closing) res.setHeader("Connection", "close");
    const refused = edgeRefusal(req);
    if (refused) {
      res.writeHead(refused.status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(refused.message);
      return;
    }
    if (!process.env.NO_CSP) withCsp(req, res);
    handle(req, res).catch((err: unknown) => {
      console.error("request failed", req.url, err);
      if (!res.headersSent) res.statusCode = 500;
      res.end("Internal error");
    });
  });
  server.keepAliveTimeout = 5_000;
  server.listen(port, () => console.log(`✓ Ready on http://localhost:${port}`));

  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: finishing in-flight requests`);
    // Without "Connection: close" a finished response leaves its keep-alive socket
    // open until the client's idle timeout (seconds), holding up the exit.
    for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
    // Stop accepting; idle keep-alive sockets close now, busy ones after their response.
    server.close(async () => {
      const clients = globalThis as { prisma?: { $disconnect(): Promise<void> }; prismaReplica?: { $disconnect(): Promise<void> } };
      await clients.prisma?.$disconnect().catch(() => {});
      await clients.prismaReplica?.$disconnect().catch(() => {});
      await closeRedis().catch(() => {});
      await app.close?.();
      process.exit(0);
    });
    server.closeIdleConnections();
    // Responses already streaming could not be marked; close their sockets once they go idle.
    setInterval(() => server.closeIdleConnections(), 250).unref();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

void main();
